import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

import ticketSeal from '../../fixtures/ticket-seal.json' with { type: 'json' };

import { isTicketPayload, type TicketPayload } from './ticket-payload.js';

/**
 * A sealed ticket (fixtures/ticket-seal.json): the ticket payload itself, encrypted and
 * authenticated by the bridge with ChaCha20-Poly1305 (IETF) under a key derived from the shared
 * secret, opened by WordPress (sodium) without a call back to the bridge. It travels next to the
 * stored ticket (which any plugin version can redeem): `exp` bounds it in time, `jti` (the stored
 * ticket, hashed) lets WordPress spend the pair once, `binding` ties it to the browser that started.
 */
export const TICKET_SEAL = {
	format: ticketSeal.format,
	prefix: `${ticketSeal.prefix}.`,
	info: ticketSeal.info,
	lifetimeSeconds: ticketSeal.lifetimeSeconds,
	pattern: new RegExp(ticketSeal.pattern),
} as const;

export type SealedTicketContent = TicketPayload & { exp: number; jti: string };

/**
 * The sealed ticket's `jti`: the stored ticket it travels with, hashed. WordPress spends this
 * one value whichever of the two it is given, so neither can be used after the other.
 */
export const ticketJti = (storedTicket: string) => createHash('sha256').update(storedTicket).digest('base64url');

const key = (secret: string) => createHmac('sha256', secret).update(TICKET_SEAL.info).digest();
const AAD = Buffer.from(ticketSeal.prefix);

/** Seals a payload of the contract (`nonce`: tests only, for the shared vectors). */
export function sealTicket(secret: string, content: SealedTicketContent, nonce: Buffer = randomBytes(12)): string {
	if (!isTicketPayload(content)) throw new Error('ticket payload outside the contract (fixtures/ticket-payload.json)');
	const cipher = createCipheriv('chacha20-poly1305', key(secret), nonce, { authTagLength: 16 });
	cipher.setAAD(AAD, { plaintextLength: Buffer.byteLength(JSON.stringify(content)) });
	const sealed = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final(), cipher.getAuthTag()]);
	return TICKET_SEAL.prefix + Buffer.concat([nonce, sealed]).toString('base64url');
}

/** The content of a sealed ticket, or undefined when it was not sealed with this secret, or was changed. */
export function openTicket(secret: string, ticket: string): SealedTicketContent | undefined {
	if (!TICKET_SEAL.pattern.test(ticket)) return undefined;
	const raw = Buffer.from(ticket.slice(TICKET_SEAL.prefix.length), 'base64url');
	if (raw.length < 12 + 16) return undefined;
	try {
		const decipher = createDecipheriv('chacha20-poly1305', key(secret), raw.subarray(0, 12), { authTagLength: 16 });
		decipher.setAAD(AAD, { plaintextLength: raw.length - 28 });
		decipher.setAuthTag(raw.subarray(raw.length - 16));
		const plain = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
		return JSON.parse(plain) as SealedTicketContent;
	} catch {
		return undefined;
	}
}
