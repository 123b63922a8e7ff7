import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { JWK } from 'oidc-provider';

type KeyFile = { keys: JWK[]; cookieKeys: string[] };

/**
 * The signing keys (ES384 like Logto, or RS256) and cookie keys, created on first start and
 * kept under the data folder, so tokens and sessions stay valid across restarts.
 */
export function loadKeys(dataDir: string, alg: 'ES384' | 'RS256'): KeyFile {
	const file = join(dataDir, 'keys.json');
	const stored: KeyFile = existsSync(file)
		? (JSON.parse(readFileSync(file, 'utf8')) as KeyFile)
		: { keys: [], cookieKeys: [randomBytes(32).toString('base64url')] };
	let key = stored.keys.find((k) => k.alg === alg);
	if (!key) {
		const pair =
			alg === 'ES384'
				? generateKeyPairSync('ec', { namedCurve: 'P-384' })
				: generateKeyPairSync('rsa', { modulusLength: 2048 });
		key = { ...(pair.privateKey.export({ format: 'jwk' }) as JWK), alg, use: 'sig', kid: randomBytes(8).toString('hex') };
		stored.keys.push(key);
		mkdirSync(dataDir, { recursive: true });
		writeFileSync(file, JSON.stringify(stored), { mode: 0o600 });
	}
	// The selected algorithm's key first: oidc-provider signs with the first matching key.
	return { keys: [key, ...stored.keys.filter((k) => k !== key)], cookieKeys: stored.cookieKeys };
}
