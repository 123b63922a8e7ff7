import { randomFillSync } from 'node:crypto';

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

/** 256 bits, base64url: PKCE verifiers, state, nonce, pending sign-in ids, tickets. */
export const randomToken = (): string => take(32).toString('base64url');

/** 48 bits, hex: ties together the log lines of one sign-in; not a secret. */
export const randomFlowId = (): string => take(6).toString('hex');
