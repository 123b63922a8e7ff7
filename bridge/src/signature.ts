import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Header carrying the HMAC of a server-to-server message between WordPress and the bridge:
 * `t=<unix seconds>,n=<nonce>,v1=<hex HMAC-SHA256(secret, method \n path \n t \n n \n body)>`
 * (fixtures/hmac-vectors.json). A response is signed with method `RESPONSE`, the request's
 * path and the request's nonce, so it answers exactly that request.
 */
export const SIGNATURE_HEADER = 'x-logto-bridge-signature';
export const MAX_SKEW_SECONDS = 300;
export const RESPONSE = 'RESPONSE';

/** What a signature covers. `path` is the bridge route (`/tickets/redeem`) or the REST route (`/logto-bridge/v1/site-config`). */
export type SignedMessage = { method: string; path: string; body: string };

const input = (m: SignedMessage, timestamp: number, nonce: string) => `${m.method}\n${m.path}\n${timestamp}\n${nonce}\n${m.body}`;

export const newNonce = (): string => randomBytes(16).toString('base64url');

export function sign(secret: string, message: SignedMessage, { timestamp = Math.floor(Date.now() / 1000), nonce = newNonce() } = {}): string {
	return `t=${timestamp},n=${nonce},v1=${createHmac('sha256', secret).update(input(message, timestamp, nonce)).digest('hex')}`;
}

export type VerifyResult = { ok: true; nonce: string } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function verify(secret: string, header: string | undefined, message: SignedMessage, now = Math.floor(Date.now() / 1000)): VerifyResult {
	if (!header) return { ok: false, reason: 'missing' };
	const match = /^t=(\d{1,12}),n=([A-Za-z0-9_-]{16,64}),v1=([0-9a-f]{64})$/.exec(header.trim());
	if (!match) return { ok: false, reason: 'malformed' };
	const timestamp = Number(match[1]);
	if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
	const nonce = match[2]!;
	const expected = createHmac('sha256', secret).update(input(message, timestamp, nonce)).digest();
	return timingSafeEqual(expected, Buffer.from(match[3]!, 'hex')) ? { ok: true, nonce } : { ok: false, reason: 'mismatch' };
}

/** Constant-time string equality (digests first, so unequal lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
	return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
