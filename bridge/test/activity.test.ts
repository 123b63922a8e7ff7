import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { signInUrl, startSystem, type System } from '@logto-bridge/testkit';

let sys: System;
let bridge: string;

before(async () => {
	sys = await startSystem({ env: { BRIDGE_INSTANCE: 'bridge-a' } });
	bridge = sys.bridges[0]!.url;
	// The site's settings are known, as after any start (the report goes to the REST base they name).
	await sys.bridges[0]!.ctx.site.get();
});
after(() => sys.stop());

const get = (url: string) => fetch(url, { redirect: 'manual' });

test('refused sign-ins reach WordPress in one signed report, with the step, the reason, the instance and the flow, and nothing of the visitor', async () => {
	assert.match((await get(signInUrl(bridge, { phone: '+86 138 0013 8000 0' }))).headers.get('location') ?? '', /logto_error=invalid_phone/);
	assert.match((await get(signInUrl(bridge, { returnTo: 'https://elsewhere.example/' }))).headers.get('location') ?? '', /logto_error=invalid_return_to/);
	assert.match((await get(`${bridge}/callback?code=c&state=s&iss=i`)).headers.get('location') ?? '', /logto_error=state_mismatch/);
	await sys.bridges[0]!.ctx.activity.flush();

	assert.equal(sys.wp.activity.length, 1, 'one report for the three');
	const events = sys.wp.activity[0]!.events;
	assert.deepEqual(
		events.map(({ step, reason, instance }) => ({ step, reason, instance })),
		[
			{ step: 'sign-in', reason: 'invalid_phone', instance: 'bridge-a' },
			{ step: 'sign-in', reason: 'invalid_return_to', instance: 'bridge-a' },
			{ step: 'callback', reason: 'state_mismatch', instance: 'bridge-a' },
		],
	);
	assert.match(String(events[0]!.flow), /^[0-9a-f]{12}$/, "the flow id of the bridge's log lines");
	assert.equal(events[2]!.flow, '', 'a callback that matched no sign-in has no flow');
	assert.ok(Math.abs(Number(events[0]!.at) - Date.now() / 1000) < 5);
	assert.doesNotMatch(JSON.stringify(sys.wp.activity), /8613800138|elsewhere|code=|state=/, 'no number, URL or query of the visitor');
});

test('a flood of refusals costs WordPress one request per batch of 50, sent behind the visitors', async () => {
	sys.wp.activity.length = 0;
	const started = Date.now();
	await Promise.all(Array.from({ length: 120 }, () => get(`${bridge}/callback?code=c&state=s&iss=i`)));
	// The reporter flushes by itself (every 2 s), 50 events a report at most.
	while (sys.wp.activity.reduce((n, r) => n + r.events.length, 0) < 120 && Date.now() - started < 15_000) await new Promise((r) => setTimeout(r, 100));
	const sizes = sys.wp.activity.map((r) => r.events.length);
	assert.equal(sizes.reduce((a, b) => a + b, 0), 120, 'every refusal reported');
	assert.ok(sizes.every((n) => n <= 50), `batches of 50 at most: ${sizes}`);
	// 3 when the flood fits between two flushes; one more when a flush fell inside it.
	assert.ok(sizes.length <= 4, `${sizes.length} requests to WordPress for 120 refusals`);
});

test('WordPress unreachable: the report is dropped with a warning, nothing throws and visitors are not held', async () => {
	const down = await startSystem();
	try {
		await down.bridges[0]!.ctx.site.get();
		await down.wp.stop();
		const res = await get(`${down.bridges[0]!.url}/callback?code=c&state=s&iss=i`);
		assert.equal(res.status, 303);
		await down.bridges[0]!.ctx.activity.flush();
		assert.equal(down.wp.activity.length, 0);
	} finally {
		await down.bridges[0]!.stop();
		await down.idp.stop();
	}
});
