import { createHash } from 'node:crypto';

import { isToken } from '@logto-bridge/contract';

import { randomToken } from './random-tokens.js';
import type { KeyValueStore } from './stores/index.js';

/**
 * What WordPress gets for a ticket: the verified claims, the ID token and where to go, or,
 * for a sign-in the bridge refused after Logto (the typed number was not the verified one),
 * the refusal and no claims. Both carry the browser binding WordPress checks.
 */
export type TicketPayload =
	| { claims: Record<string, unknown>; id_token: string; return_to: string; binding: string }
	| { refused: 'phone_mismatch'; verified_phone: string | null; return_to: string; binding: string };

export const TICKET_TTL_SECONDS = 120;

/** The store key of a ticket: a hash, so a store dump holds no usable ticket. */
export const ticketKey = (ticket: string) => `ticket:${createHash('sha256').update(ticket).digest('hex')}`;

/**
 * Single-use tickets between /callback and WordPress: 256 random bits, 120 s, stored hashed
 * with the verified claims; redeeming takes the record in one atomic step.
 */
export class Tickets {
	constructor(private readonly store: KeyValueStore) {}

	async issue(payload: TicketPayload, flow: string): Promise<string> {
		const ticket = randomToken();
		await this.store.set(ticketKey(ticket), JSON.stringify({ ...payload, flow }), TICKET_TTL_SECONDS);
		return ticket;
	}

	/** The payload once; undefined for a malformed, unknown, used or expired ticket. */
	async redeem(ticket: unknown): Promise<(TicketPayload & { flow: string }) | undefined> {
		if (!isToken(ticket)) return undefined;
		const value = await this.store.take(ticketKey(ticket));
		return value === undefined ? undefined : (JSON.parse(value) as TicketPayload & { flow: string });
	}
}
