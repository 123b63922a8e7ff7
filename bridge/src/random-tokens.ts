// Random tokens and PKCE challenges, written by hand instead of taken from a library because
// the library's version cost a measurable share of a sign-in start on the 2-core benchmark
// machine (bench/bridge-sign-in.ts; docs/bridge.md).
import { createHash, randomFillSync } from 'node:crypto';

import { TOKEN_BYTES } from '@logto-bridge/contract';

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
