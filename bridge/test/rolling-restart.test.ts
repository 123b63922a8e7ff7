import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { freePort, redeem, SECRET, startSystem, type System } from '@logto-bridge/testkit';

import { installTarball } from '../../scripts/lib/bridge-release.mjs';
import { crossSignIn } from './support/cross-sign-in.js';
import { startRedisServer } from './support/redis-server.js';

// A rolling restart: behind one load balancer and one Redis, an instance still on the previous
// release (0.1.0, its published tarball kept in test/fixtures) and one on this release's sources.
// A visitor's sign-in may start on either and end on the other; WordPress may redeem on either.
const PREVIOUS = new URL('fixtures/logto-bridge-bridge-0.1.0.tgz', import.meta.url).pathname;

let redis: Awaited<ReturnType<typeof startRedisServer>>;
let sys: System;
let previous: ChildProcess;
let previousUrl: string;

before(async () => {
	redis = await startRedisServer();
	sys = await startSystem({ instances: 1, redisUrl: redis.url });
	const home = mkdtempSync(join(tmpdir(), 'bridge-previous-'));
	const entry = installTarball(PREVIOUS, home);
	const port = await freePort();
	previousUrl = `http://127.0.0.1:${port}`;
	previous = spawn(process.execPath, [entry], {
		env: {
			PATH: process.env.PATH ?? '',
			// One public URL for both, as behind the load balancer: the redirect URI Logto knows.
			BRIDGE_PUBLIC_URL: sys.bridges[0]!.url,
			WP_URL: sys.wp.url,
			BRIDGE_SHARED_SECRET: SECRET,
			PORT: String(port),
			REDIS_URL: redis.url,
			BRIDGE_DATA_DIR: join(home, 'data'),
			SIGN_IN_RATE_LIMIT: '100000',
			LOG_LEVEL: 'silent',
		},
		stdio: 'ignore',
	});
	const version = await (async () => {
		for (let i = 0; i < 100; i++) {
			const res = await fetch(`${previousUrl}/healthz`).catch(() => undefined);
			if (res?.ok) return execFileSync(process.execPath, [entry, '--version'], { encoding: 'utf8' }).trim();
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error('the previous release did not start');
	})();
	assert.match(version, /0\.1\.0/);
});

after(async () => {
	previous?.kill('SIGTERM');
	await sys?.stop();
	redis?.stop();
});

const phoneOf = (ticketRes: unknown) => (ticketRes as { claims: { phone_number: string } }).claims.phone_number;

test('started on the previous release, called back on this one, redeemed on the previous one', async () => {
	const current = sys.bridges[0]!.url;
	const ticket = await crossSignIn(sys, previousUrl, current, '+8613912345621');
	const res = await redeem(previousUrl, ticket);
	assert.equal(res.status, 200);
	assert.equal(phoneOf(await res.json()), '8613912345621');
	assert.equal((await redeem(current, ticket)).status, 410, 'and once only');
});

test('started on this release, called back on the previous one, redeemed on this one', async () => {
	const current = sys.bridges[0]!.url;
	const ticket = await crossSignIn(sys, current, previousUrl, '+8613912345622');
	const res = await redeem(current, ticket);
	assert.equal(res.status, 200);
	const payload = (await res.json()) as Record<string, unknown>;
	assert.equal(phoneOf(payload), '8613912345622');
	assert.equal('v' in payload || 'flow' in payload, false, 'the record’s own fields stay in the bridge');
	assert.equal((await redeem(previousUrl, ticket)).status, 410, 'and once only');
});
