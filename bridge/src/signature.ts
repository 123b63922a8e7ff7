import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying the HMAC of a server-to-server request between WordPress and the bridge. */
export const SIGNATURE_HEADER = 'x-logto-bridge-signature';
export const MAX_SKEW_SECONDS = 300;

/** `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>` */
export function sign(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): string {
	return `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function verify(secret: string, header: string | undefined, body: string, now = Math.floor(Date.now() / 1000)): VerifyResult {
	if (!header) return { ok: false, reason: 'missing' };
	const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(header.trim());
	if (!match) return { ok: false, reason: 'malformed' };
	const timestamp = Number(match[1]);
	if (Math.abs(now - timestamp) > MAX_SKEW_SECONDS) return { ok: false, reason: 'stale' };
	const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
	return timingSafeEqual(expected, Buffer.from(match[2]!, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** Constant-time string equality (digests first, so unequal lengths leak nothing either). */
export function sameSecret(a: string, b: string): boolean {
	return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
