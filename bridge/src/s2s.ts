import type { Request, Response } from 'express';

import type { BridgeContext } from './context.js';
import { MAX_SKEW_SECONDS, RESPONSE, sign, SIGNATURE_HEADER, verify } from './signature.js';

export type S2sCheck = { ok: true; nonce: string } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' | 'replayed' };

/**
 * A request WordPress signed: the HMAC over method, route, time, nonce and the exact body,
 * and a nonce not seen within the skew window (kept in the shared store, so across instances).
 */
export async function verifyFromWordPress({ config, store }: Pick<BridgeContext, 'config' | 'store'>, req: Request, path: string, body: string): Promise<S2sCheck> {
	const result = verify(config.sharedSecret, req.get(SIGNATURE_HEADER), { method: req.method, path, body });
	if (!result.ok) return result;
	if (!(await store.setIfAbsent(`nonce:${result.nonce}`, '1', MAX_SKEW_SECONDS * 2))) return { ok: false, reason: 'replayed' };
	return result;
}

/**
 * The body and the answer function of a POST WordPress signed, or undefined once an unsigned,
 * stale or replayed one has been refused (401, logged under `step`).
 */
export async function signedPost(ctx: Pick<BridgeContext, 'config' | 'store' | 'log'>, req: Request, res: Response, path: string, step: string) {
	const body = typeof req.body === 'string' ? req.body : '';
	const signature = await verifyFromWordPress(ctx, req, path, body);
	if (!signature.ok) {
		ctx.log.warn({ step, reason: signature.reason }, `refused unsigned ${step}`);
		res.status(401).json({ error: 'invalid_signature', reason: signature.reason });
		return undefined;
	}
	return { body, answer: (status: number, payload: unknown) => sendSigned(res, ctx.config.sharedSecret, path, signature.nonce, payload, status) };
}

/** A JSON answer to that request, signed with its route and nonce, so WordPress can trust what it carries. */
export function sendSigned(res: Response, secret: string, path: string, nonce: string, payload: unknown, status = 200): void {
	const body = JSON.stringify(payload);
	res.status(status).set(SIGNATURE_HEADER, sign(secret, { method: RESPONSE, path, body }, { nonce })).type('json').send(body);
}
