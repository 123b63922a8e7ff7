import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BINDING, Browser, redeem, SECRET, signInByPhone, startSystem, type System } from '@logto-bridge/testkit';

import { sign, verify } from '../src/signature.js';

// The server-to-server contract with WordPress: signed both ways, fresh nonces, no details for strangers.
let sys: System;
let bridge: string;

before(async () => {
	sys = await startSystem();
	bridge = sys.bridges[0]!.url;
});
after(() => sys.stop());

const ticketOf = (u: string) => new URL(u).searchParams.get('ticket');
const phoneSignIn = (browser: Browser, phone: string) => signInByPhone(sys, browser, phone, `${sys.wp.url}/`);

test('a redeem with a bad, missing or stale signature gets 401 and leaves the ticket usable', async () => {
	const landed = await phoneSignIn(new Browser(), '+8613912345601');
	const ticket = ticketOf(landed)!;
	assert.equal((await redeem(bridge, ticket, null)).status, 401);
	const nonce = 'n'.repeat(22);
	assert.equal((await redeem(bridge, ticket, `t=${Math.floor(Date.now() / 1000)},n=${nonce},v1=${'0'.repeat(64)}`)).status, 401);
	assert.equal((await redeem(bridge, ticket, `t=${Math.floor(Date.now() / 1000) - 400},n=${nonce},v1=${'0'.repeat(64)}`)).status, 401);
	// Signed for another route: a readyz signature does not redeem.
	assert.equal((await redeem(bridge, ticket, sign(SECRET, { method: 'GET', path: '/readyz', body: '' }))).status, 401);
	assert.equal((await redeem(bridge, ticket)).status, 200);
});


test('a replayed redeem request is refused, and the answer is signed for its request', async () => {
	const ticket = ticketOf(await phoneSignIn(new Browser(), '+8613912345640'))!;
	const body = JSON.stringify({ ticket });
	const header = sign(SECRET, { method: 'POST', path: '/tickets/redeem', body });
	const first = await redeem(bridge, ticket, header);
	assert.equal(first.status, 200);
	const answer = await first.text();
	const nonce = /,n=([\w-]+),/.exec(header)![1]!;
	assert.deepEqual(verify(SECRET, first.headers.get('x-logto-bridge-signature') ?? undefined, { method: 'RESPONSE', path: '/tickets/redeem', body: answer }), { ok: true, nonce });
	const again = await redeem(bridge, ticket, header);
	assert.equal(again.status, 401, 'the same signed request twice');
	assert.equal(((await again.json()) as { reason: string }).reason, 'replayed');
});


test('/readyz tells anyone item by item whether it is ready, and only WordPress the details', async () => {
	const res = await fetch(`${bridge}/readyz`);
	const body = await res.text();
	assert.equal(res.status, 200);
	assert.deepEqual(JSON.parse(body), { ok: true, checks: [{ id: 'store', ok: true }, { id: 'wordpress', ok: true }, { id: 'discovery', ok: true }, { id: 'jwks', ok: true }] });
	assert.doesNotMatch(body, /http|127\.0\.0\.1/, 'no URLs for the public');
	const signed = await fetch(`${bridge}/readyz`, { headers: { 'x-logto-bridge-signature': sign(SECRET, { method: 'GET', path: '/readyz', body: '' }) } });
	const detail = (await signed.json()) as { uris: { redirectUri: string }; checks: Array<{ id: string; detail: string }> };
	assert.equal(detail.uris.redirectUri, `${bridge}/callback`);
	assert.match(detail.checks.find((c) => c.id === 'discovery')!.detail, /issuer http/);
});


test('a bridge config not signed for the bridge\'s own request is not used', async () => {
	const forged = await startSystem({ standInAnswerSecret: 'another-secret-0123456789abcdef-0123' });
	try {
		const res = await new Browser().request(`${forged.bridges[0]!.url}/sign-in?binding=${BINDING}`);
		assert.equal(new URL(res.headers.get('location')!).searchParams.get('logto_error'), 'site_unreachable');
	} finally {
		await forged.stop();
	}
});

