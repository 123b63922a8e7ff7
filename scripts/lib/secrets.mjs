// Credentials shared by the parts of a local stack: the Logto app's ID and secret and the
// bridge's shared secret, made once per data folder so a restart keeps them.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** @returns {{ appId: string, appSecret: string, bridgeSecret: string }} */
export function loadSecrets(dataDir) {
	const file = join(dataDir, 'secrets.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
	const secrets = {
		appId: 'wordpress-local',
		appSecret: randomBytes(24).toString('base64url'),
		bridgeSecret: randomBytes(32).toString('hex'),
	};
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(file, JSON.stringify(secrets, null, '\t'), { mode: 0o600 });
	return secrets;
}
