import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createIdp, type Idp } from '@logto-bridge/idp/app';
import { loadConfig, type IdpConfig } from '@logto-bridge/idp/config';

import { freePort } from './ports.js';

export type RunningIdp = Idp & { config: IdpConfig; url: string; stop(): Promise<void> };

/** A real idp on a free loopback port, with its own data folder (reused when given). */
export async function startIdp(env: Record<string, string> = {}): Promise<RunningIdp> {
	const port = env.IDP_PORT ? Number(env.IDP_PORT) : await freePort();
	const config = loadConfig({
		IDP_DATA_DIR: env.IDP_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'idp-test-')),
		...env,
		IDP_PORT: String(port),
	});
	const idp = await createIdp(config);
	const server: Server = await new Promise((resolve) => {
		const s = idp.app.listen(port, '127.0.0.1', () => resolve(s));
	});
	return {
		...idp,
		config,
		url: config.publicUrl,
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
