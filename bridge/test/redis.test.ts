import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { redeem, SECRET, signInUrl, startSystem, type System } from '@logto-bridge/testkit';
import { Redis } from 'ioredis';

import { sign } from '../src/signature.js';
import { RedisStore } from '../src/stores/redis-store.js';
import { crossSignIn } from './support/cross-sign-in.js';
import { startRedisServer } from './support/redis-server.js';
import { sessionApp, sessionIdOf, taken } from './support/session-app.js';

let redis: { url: string; stop: () => void };
let redisUrl: string;
let sys: System;

before(async () => {
	redis = await startRedisServer();
	redisUrl = redis.url;
	sys = await startSystem({ instances: 2, redisUrl });
});

after(async () => {
	await sys?.stop();
	redis?.stop();
});

test('a sign-in started on bridge A finishes on bridge B when both share Redis', async () => {
	const [a, b] = sys.bridges;
	// The load balancer sends the callback to instance B.
	const ticket = await crossSignIn(sys, a!.url, b!.url, '+8613912345611');
	// And the ticket issued by B redeems on A, once.
	const res = await redeem(a!.url, ticket);
	assert.equal(res.status, 200);
	assert.equal(((await res.json()) as { claims: { phone_number: string } }).claims.phone_number, '8613912345611');
	assert.equal((await redeem(b!.url, ticket)).status, 410);
});

test('of two concurrent redeems of one ticket exactly one wins', async () => {
	const [a, b] = sys.bridges;
	const ticket = 'R'.repeat(43);
	const { ticketKey } = await import('../src/tickets.js');
	await a!.store.set(ticketKey(ticket), JSON.stringify({ claims: {}, id_token: 'x', return_to: 'x', flow: 'f' }), 60);
	const statuses = (await Promise.all([redeem(a!.url, ticket), redeem(b!.url, ticket), redeem(a!.url, ticket)])).map((r) => r.status).sort();
	assert.deepEqual(statuses, [200, 410, 410]);
});

test('the sign-in rate limit holds across instances sharing Redis', async () => {
	// Counters are per client address: start from none, whatever the tests before sent.
	const admin = new Redis(redisUrl);
	await admin.flushdb();
	admin.disconnect();
	const limited = await startSystem({ instances: 2, redisUrl, rateLimit: 4 });
	try {
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await fetch(signInUrl(limited.bridges[i % 2]!.url), { redirect: 'manual' })).status);
		assert.deepEqual(statuses, [303, 303, 303, 303, 429, 429]);
	} finally {
		await limited.stop();
	}
});

test('pending sign-ins in Redis are capped: past the cap the oldest are dropped', async () => {
	const store = new RedisStore(redisUrl);
	try {
		for (let i = 0; i < 30; i++) await store.setCapped(`capped:${i}`, String(i), 60, 'capped-test', 20);
		assert.equal(await store.get('capped:9'), undefined);
		assert.equal(await store.get('capped:10'), '10');
		assert.equal(await store.get('capped:29'), '29');
	} finally {
		await store.close();
	}
});

test('sessions in Redis go through connect-redis, under the bridge prefix, capped, and taken once', async () => {
	const store = new RedisStore(redisUrl);
	const app = await sessionApp(store, { cap: 5 });
	try {
		const started: { cookie: string }[] = [];
		for (let i = 0; i < 8; i++) started.push(await app.start());
		const ttl = await store.client.ttl(`logto-bridge:signin:${sessionIdOf(started[7]!.cookie)}`);
		assert.ok(ttl > 14 * 60 && ttl <= 15 * 60, `a pending sign-in lives 15 minutes in Redis (ttl ${ttl})`);
		assert.equal((await app.take(started[2]!.cookie)).found, null, 'past the cap the oldest are dropped');
		const takes = await app.takeAtOnce(3, started[7]!.cookie);
		assert.deepEqual(
			takes.map((t) => t.found).filter(Boolean),
			[taken],
			'of three concurrent callbacks exactly one wins',
		);
	} finally {
		await app.close();
		await store.close();
	}
});

test('WordPress tells one instance its login URL moved: a refusal on the other instance goes to the new one', async () => {
	let loginPath = '/wp-login.php';
	const moved = await startSystem({ instances: 2, redisUrl, site: (wpUrl) => ({ errorUrl: `${wpUrl}${loginPath}` }) });
	try {
		const [a, b] = moved.bridges;
		await Promise.all([a!.ctx.site.get(), b!.ctx.site.get()]);
		loginPath = '/members-login/';
		// The settings-saved call reaches instance A only, as through a load balancer.
		const header = sign(SECRET, { method: 'POST', path: '/site-config/refresh', body: '' });
		assert.equal((await fetch(`${a!.url}/site-config/refresh`, { method: 'POST', headers: { 'x-logto-bridge-signature': header }, body: '' })).status, 200);
		// A visitor who cancelled at Logto comes back through instance B, which still holds the old copy.
		const cancelled = await fetch(`${b!.url}/callback?error=access_denied&state=s`, { redirect: 'manual' });
		assert.equal(new URL(cancelled.headers.get('location') ?? '').pathname, '/members-login/');
	} finally {
		await moved.stop();
	}
});
