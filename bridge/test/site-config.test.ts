import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';

import { SECRET } from '@logto-bridge/testkit';

import { RESPONSE, SIGNATURE_HEADER, sign, verify } from '../src/signature.js';
import { SiteConfigSource } from '../src/site-config.js';

// A stand-in WordPress whose answer, delay and availability the test sets; it counts the fetches.
const path = '/logto-bridge/v1/site-config';
let answer = { appSecret: 'first', delayMs: 0, down: false };
let fetches = 0;
let server: Server;
let wpUrl: string;

const config = (appSecret: string) =>
	JSON.stringify({ endpoint: 'http://127.0.0.1:3001', appId: 'app', appSecret, siteUrl: `${wpUrl}/`, allowedReturnOrigins: [wpUrl], callbackUrl: `${wpUrl}/wp-login.php`, errorUrl: `${wpUrl}/wp-login.php`, restUrl: `${wpUrl}/wp-json/logto-bridge/v1/` });

before(async () => {
	server = createServer((req, res) => {
		fetches++;
		const check = verify(SECRET, req.headers[SIGNATURE_HEADER] as string | undefined, { method: 'POST', path, body: '' });
		const { appSecret, delayMs, down } = answer;
		setTimeout(() => {
			if (down) return res.writeHead(503).end();
			const payload = config(appSecret);
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ payload, signature: sign(SECRET, { method: RESPONSE, path, body: payload }, { nonce: check.ok ? check.nonce : '' }) }));
		}, delayMs);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	wpUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const timed = async <T>(work: Promise<T>) => {
	const start = performance.now();
	const value = await work;
	return { value, ms: performance.now() - start };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a visitor never waits for WordPress once a copy is in hand: a stale copy is served while a fresh one is fetched', async () => {
	answer = { appSecret: 'first', delayMs: 0, down: false };
	fetches = 0;
	const source = new SiteConfigSource({ wpUrl, sharedSecret: SECRET, siteConfigTtlMs: 100 });
	source.prefetch();
	for (let i = 0; i < 100 && fetches === 0; i++) await sleep(20);
	assert.equal(fetches, 1, 'fetched at start, before any visitor');
	assert.equal((await source.get()).appSecret, 'first');
	await sleep(150);
	// Past the TTL, with WordPress slow (a busy site): the old copy at once, the new one fetched behind.
	answer = { appSecret: 'second', delayMs: 800, down: false };
	const stale = await timed(source.get());
	assert.equal(stale.value.appSecret, 'first');
	assert.ok(stale.ms < 100, `served in ${stale.ms.toFixed(0)} ms, not after WordPress's 800 ms`);
	await sleep(50);
	assert.equal(fetches, 1, 'not fetched while that response is being made');
	// The app's hook when that response has gone.
	source.refreshIfDue();
	assert.equal((await source.get()).appSecret, 'first', 'one fetch at a time');
	source.refreshIfDue();
	await sleep(1000);
	assert.equal(fetches, 2);
	assert.equal((await source.get()).appSecret, 'second', 'then the fresh copy');
});

test('WordPress down: the copy in hand is kept, the failure reported, and WordPress not asked again before the TTL (5 s at most)', async () => {
	answer = { appSecret: 'kept', delayMs: 0, down: false };
	fetches = 0;
	const source = new SiteConfigSource({ wpUrl, sharedSecret: SECRET, siteConfigTtlMs: 300 });
	const failures: string[] = [];
	source.onBackgroundError = (error) => failures.push(error.message);
	assert.equal((await source.get()).appSecret, 'kept');
	await sleep(350);
	answer = { appSecret: 'never', delayMs: 0, down: true };
	fetches = 0;
	for (let i = 0; i < 5; i++) {
		assert.equal((await source.get()).appSecret, 'kept');
		source.refreshIfDue();
	}
	await sleep(100);
	for (let i = 0; i < 5; i++) {
		assert.equal((await source.get()).appSecret, 'kept');
		source.refreshIfDue();
	}
	await sleep(100);
	assert.equal(fetches, 1, 'one refresh, not one per visitor');
	assert.equal(failures.length, 1);
	assert.match(failures[0]!, /answered 503/);
});

test('with no copy at all the visitor waits, and a WordPress that is down is the visitor’s error', async () => {
	answer = { appSecret: 'x', delayMs: 0, down: true };
	const source = new SiteConfigSource({ wpUrl, sharedSecret: SECRET, siteConfigTtlMs: 30_000 });
	await assert.rejects(source.get(), /answered 503/);
});
