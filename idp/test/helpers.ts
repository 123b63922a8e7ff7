import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createIdp, type Idp } from '../src/app.js';

export { Browser } from './browser.js';
import { loadConfig, type IdpConfig } from '../src/config.js';

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as { port: number };
			srv.close(() => resolve(port));
		});
	});
}

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

/** The newest code the console connector wrote for a phone number. */
export function lastCode(outbox: string, phone: string): string {
	if (!existsSync(outbox)) throw new Error('no SMS sent yet');
	const lines = readFileSync(outbox, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { to: string; code: string });
	const hit = lines.reverse().find((l) => l.to === phone);
	if (!hit) throw new Error(`no SMS sent to ${phone}`);
	return hit.code;
}

/** The value of an input by its id in server-rendered HTML. */
export function inputValue(html: string, id: string): string | undefined {
	const tag = html.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0];
	return tag ? (tag.match(/value="([^"]*)"/)?.[1] ?? '') : undefined;
}

export function formAction(html: string, contains: string): string {
	const action = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].map((m) => m[1]!).find((a) => a.includes(contains));
	if (!action) throw new Error(`no form posting to *${contains}* in page:\n${html.slice(0, 2000)}`);
	return action;
}
