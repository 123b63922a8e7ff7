import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Browser, redeem, signInByPhone, startSystem, type System, ticketOf } from '@logto-bridge/testkit';

import { needsUserinfo } from '../src/routes/callback.js';

test('userinfo is needed only for a granted extended scope whose claim the ID token lacks', () => {
	assert.equal(needsUserinfo('openid profile email phone', { sub: 's' }), false, 'standard scopes: the ID token has them');
	assert.equal(needsUserinfo('openid roles', { sub: 's', roles: [] }), false, 'roles in the ID token (the tenant toggle on)');
	assert.equal(needsUserinfo('openid roles', { sub: 's' }), true, 'roles granted but not in the ID token (the toggle off)');
	assert.equal(needsUserinfo('openid custom_data roles', { sub: 's', roles: ['editor'] }), true);
	assert.equal(needsUserinfo('openid urn:logto:scope:organizations', { sub: 's', organizations: [] }), false);
});

let sys: System;
before(async () => {
	// A site asking for custom_data, which the idp (like a Logto tenant with the ID token toggle off) gives in userinfo only.
	sys = await startSystem({ site: () => ({ scopes: 'openid profile email phone roles custom_data' }) });
});
after(() => sys.stop());

test('a claim only userinfo has still reaches WordPress: the bridge asks userinfo when the ID token lacks it', async () => {
	const landed = await signInByPhone(sys, new Browser(), '+8613800138200', `${sys.wp.url}/`);
	const res = await redeem(sys.bridges[0]!.url, ticketOf(landed)!);
	const body = (await res.json()) as { claims: Record<string, unknown> };
	assert.deepEqual(body.claims.custom_data, {}, 'custom_data, from userinfo');
	assert.ok(Array.isArray(body.claims.roles), 'and the ID token claims');
	const metrics = await sys.bridges[0]!.ctx.metrics.registry.getSingleMetricAsString('logto_bridge_logto_userinfo_duration_seconds');
	assert.match(metrics, /logto_bridge_logto_userinfo_duration_seconds_count\{outcome="ok"\} 1/);
});
