import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Browser, signInByPhone, startSystem, type System } from '@logto-bridge/testkit';

import { Metrics } from '../src/metrics.js';
import type { KeyValueStore } from '../src/stores/index.js';

const TOKEN = 'metrics-test-token-0123456789abcdef';
let sys: System;
let bridge: string;

before(async () => {
	sys = await startSystem({ env: { METRICS_TOKEN: TOKEN } });
	bridge = sys.bridges[0]!.url;
});
after(() => sys.stop());

const scrape = (authorization?: string) => fetch(`${bridge}/metrics`, { redirect: 'manual', ...(authorization ? { headers: { authorization } } : {}) });

/** The value of one sample line (`name{labels} value`), or undefined when the line is not there. */
const sample = (text: string, line: string) => {
	const found = text.split('\n').find((l) => l.startsWith(`${line} `));
	return found === undefined ? undefined : Number(found.slice(line.length + 1));
};

test('metrics are served only to a scraper with the bearer token, never cached', async () => {
	assert.equal((await scrape()).status, 401);
	assert.equal((await scrape(`Bearer ${TOKEN}x`)).status, 401);
	assert.equal((await scrape(`Basic ${TOKEN}`)).status, 401);
	const res = await scrape(`Bearer ${TOKEN}`);
	assert.equal(res.status, 200);
	assert.match(res.headers.get('content-type') ?? '', /^text\/plain/);
	assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('a sign-in is counted started and completed, with the token endpoint and each route timed; a refused callback by its reason', async () => {
	const landed = await signInByPhone(sys, new Browser(), '+8613800138100', `${sys.wp.url}/`);
	assert.match(landed, /ticket=/);
	// A callback nobody started (no pending sign-in): refused as state_mismatch.
	const refused = await fetch(`${bridge}/callback?code=x&state=y&iss=z`, { redirect: 'manual' });
	assert.match(refused.headers.get('location') ?? '', /logto_error=state_mismatch/);

	const text = await (await scrape(`Bearer ${TOKEN}`)).text();
	assert.equal(sample(text, 'logto_bridge_sign_ins_started_total'), 1);
	assert.equal(sample(text, 'logto_bridge_sign_ins_completed_total'), 1);
	assert.equal(sample(text, 'logto_bridge_sign_ins_failed_total{reason="state_mismatch"}'), 1);
	assert.equal(sample(text, 'logto_bridge_logto_token_duration_seconds_count{outcome="ok"}'), 1);
	assert.equal(sample(text, 'logto_bridge_logto_userinfo_duration_seconds_count{outcome="ok"}'), undefined, 'the ID token carried every granted claim: no userinfo');
	assert.equal(sample(text, 'logto_bridge_http_request_duration_seconds_count{route="/sign-in",method="GET",status="303"}'), 1);
	assert.equal(sample(text, 'logto_bridge_http_request_duration_seconds_count{route="/callback",method="GET",status="303"}'), 2);
	assert.equal(sample(text, `logto_bridge_logto_breaker_open{logto="${sys.idp.url}"}`), 0, 'Logto is up');
	assert.ok((sample(text, 'logto_bridge_process_resident_memory_bytes') ?? 0) > 0, "the process's own figures are there");
	// Labels are patterns and codes, never a visitor's URL, state or number.
	assert.doesNotMatch(text, /state=|code=|8613800138100/);
});

test('without METRICS_TOKEN there are no metrics at all', async () => {
	const plain = await startSystem();
	try {
		const res = await fetch(`${plain.bridges[0]!.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` }, redirect: 'manual' });
		assert.equal(res.status, 404);
		assert.deepEqual(await res.json(), { error: 'not_found' });
	} finally {
		await plain.stop();
	}
});

test('a failed store operation is counted and still fails its caller (a stand-in store that fails)', async () => {
	const metrics = new Metrics();
	const failing = { kind: 'stand-in', get: () => Promise.reject(new Error('connection lost')), ping: () => Promise.resolve() } as unknown as KeyValueStore;
	const store = metrics.countStoreErrors(failing);
	await assert.rejects(store.get('k'), /connection lost/);
	await store.ping();
	const text = await metrics.registry.metrics();
	assert.equal(sample(text, 'logto_bridge_store_errors_total{operation="get"}'), 1);
	assert.equal(sample(text, 'logto_bridge_store_errors_total{operation="ping"}'), undefined);
});
