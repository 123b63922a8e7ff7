import { spawn } from 'node:child_process';

import { freePort } from '@logto-bridge/testkit';

import { RedisStore } from '../../src/stores/redis-store.js';

/** A real redis-server (Debian's package, installed by .ci/run), on a free loopback port, no persistence. */
export async function startRedisServer(): Promise<{ url: string; stop: () => void }> {
	const port = await freePort();
	const url = `redis://127.0.0.1:${port}`;
	const redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
	const probe = new RedisStore(url);
	const deadline = Date.now() + 10_000;
	for (;;) {
		try {
			await probe.ping();
			break;
		} catch (error) {
			if (Date.now() > deadline) throw new Error(`redis-server did not start: ${(error as Error).message}`);
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	await probe.close();
	return { url, stop: () => redis.kill() };
}
