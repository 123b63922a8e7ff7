import { createHash } from 'node:crypto';

import { isTicketPayload, isToken, type TicketPayload } from '@logto-bridge/contract';
import { sealTicket, TICKET_SEAL, ticketJti } from '@logto-bridge/contract/ticket-seal';

import { randomToken } from './random-tokens.js';
import { readable, stamped, type Versioned } from './records.js';
import type { KeyValueStore } from './stores/index.js';

export type { TicketPayload };

export const TICKET_TTL_SECONDS = 120;

/** The store key of a ticket: a hash, so a store dump holds no usable ticket. */
export const ticketKey = (ticket: string) => `ticket:${createHash('sha256').update(ticket).digest('hex')}`;

/**
 * Single-use tickets between /callback and WordPress, two forms of one sign-in: stored (256
 * random bits, 120 s, kept hashed with the verified claims, taken in one atomic step when
 * WordPress redeems it: any plugin version) and sealed (fixtures/ticket-seal.json: the payload
 * itself, encrypted and authenticated, which a plugin with sodium opens without calling back).
 * Both are always issued: a plugin's abilities are not guessed from a cached site config (a
 * downgraded plugin would be handed what it cannot read).
 */
export class Tickets {
	constructor(
		private readonly store: KeyValueStore,
		private readonly sharedSecret: string,
	) {}

	/** The stored ticket and its sealed twin. */
	async issuePair(payload: TicketPayload, flow: string): Promise<{ ticket: string; sealed: string }> {
		const ticket = await this.issue(payload, flow);
		const exp = Math.floor(Date.now() / 1000) + TICKET_SEAL.lifetimeSeconds;
		return { ticket, sealed: sealTicket(this.sharedSecret, { ...payload, exp, jti: ticketJti(ticket) }) };
	}

	async issue(payload: TicketPayload, flow: string): Promise<string> {
		// What WordPress will get is the contract's, or no ticket at all.
		if (!isTicketPayload(payload)) throw new Error('ticket payload outside the contract (fixtures/ticket-payload.json)');
		const ticket = randomToken();
		await this.store.set(ticketKey(ticket), JSON.stringify(stamped({ ...payload, flow })), TICKET_TTL_SECONDS);
		return ticket;
	}

	/** The payload once; undefined for a malformed, unknown, used or expired ticket, or one of a newer release's shape. */
	async redeem(ticket: unknown): Promise<(TicketPayload & { flow: string }) | undefined> {
		if (!isToken(ticket)) return undefined;
		const value = await this.store.take(ticketKey(ticket));
		if (value === undefined) return undefined;
		const { v, ...record } = JSON.parse(value) as TicketPayload & { flow: string } & Versioned;
		return readable({ v }) ? record : undefined;
	}
}
