// The pieces of /sign-in and /callback written by hand instead of taken from a library,
// each because the library's version cost a measurable share of a sign-in start on the
// 2-core benchmark machine (bench/bridge-sign-in.ts; docs/bridge.md).
import { createHash, randomFillSync } from 'node:crypto';

import { TOKEN_BYTES } from '@logto-bridge/contract';
import type { Response } from 'express';

// CSPRNG bytes handed out from a pooled buffer, refilled when used up: one randomFillSync
// per 128 tokens instead of four per sign-in (Node's own randomUUID caches the same way).
// Every byte is handed out once.
const pool = Buffer.allocUnsafe(4096);
let offset = pool.length;

function take(size: number): Buffer {
	if (offset + size > pool.length) {
		randomFillSync(pool);
		offset = 0;
	}
	const bytes = pool.subarray(offset, offset + size);
	offset += size;
	return bytes;
}

/** 256 bits, base64url (fixtures/token-format.json): PKCE verifiers, state, nonce, pending sign-in ids, tickets. */
export const randomToken = (): string => take(TOKEN_BYTES).toString('base64url');

/** 48 bits, hex: ties together the log lines of one sign-in; not a secret. */
export const randomFlowId = (): string => take(6).toString('hex');

/**
 * S256 as openid-client's calculatePKCECodeChallenge computes it, but synchronously:
 * WebCrypto's digest takes a thread-pool round trip per sign-in.
 */
export const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/**
 * 303 to `url`, with no body and not cached. Lighter than res.redirect(), which negotiates
 * and renders an HTML body no browser shows. `url` is always built by us (URL objects,
 * encoded parameters); Node refuses CR/LF in it.
 */
export function seeOther(res: Response, url: string): void {
	res.statusCode = 303;
	res.setHeader('Location', url);
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Content-Length', '0');
	res.end();
}
