import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { Browser, redeem, SECRET, signInByPhone, signInUrl, startSystem, type System, ticketOf } from '@logto-bridge/testkit';

import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { RESPONSE, sign, SIGNATURE_HEADER, verify } from '../src/signature.js';
import { SiteConfigSource } from '../src/site-config.js';

// The server-to-server contract with WordPress: signed both ways, fresh nonces, no details for strangers.
let sys: System;
let bridge: string;

before(async () => {
	sys = await startSystem();
	bridge = sys.bridges[0]!.url;
});
after(() => sys.stop());

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
		const res = await new Browser().request(signInUrl(forged.bridges[0]!.url));
		assert.equal(new URL(res.headers.get('location')!).searchParams.get('logto_error'), 'site_unreachable');
	} finally {
		await forged.stop();
	}
});


test('a bridge config correctly signed, but for an earlier request of the bridge, is refused (a replayed answer)', async () => {
	const path = '/logto-bridge/v1/site-config';
	const wpUrl = 'http://127.0.0.1:8888';
	const payload = JSON.stringify({ endpoint: 'http://127.0.0.1:3001', appId: 'app', appSecret: 'secret', siteUrl: `${wpUrl}/`, allowedReturnOrigins: [wpUrl], callbackUrl: `${wpUrl}/wp-login.php?action=logto-callback`, errorUrl: `${wpUrl}/wp-login.php`, restUrl: `${wpUrl}/wp-json/logto-bridge/v1/` });
	// A WordPress (or whoever sits between) that answers every request with the first answer it signed.
	let first: string | undefined;
	const replaying = createServer((req, res) => {
		const check = verify(SECRET, req.headers[SIGNATURE_HEADER] as string | undefined, { method: 'POST', path, body: '' });
		first ??= JSON.stringify({ payload, signature: sign(SECRET, { method: RESPONSE, path, body: payload }, { nonce: check.ok ? check.nonce : '' }) });
		res.writeHead(200, { 'content-type': 'application/json' }).end(first);
	});
	await new Promise<void>((resolve) => replaying.listen(0, '127.0.0.1', resolve));
	try {
		const source = new SiteConfigSource({ wpUrl: `http://127.0.0.1:${(replaying.address() as AddressInfo).port}`, sharedSecret: SECRET, siteConfigTtlMs: 60_000 });
		assert.equal((await source.get()).appSecret, 'secret', 'the answer to its own request is used');
		source.invalidate();
		await assert.rejects(source.get(), /not signed for this request \(another nonce\)/);
	} finally {
		replaying.close();
	}
});

/** The signed readiness check's items, as WordPress reads them. */
async function signedChecks(url: string) {
	const res = await fetch(`${url}/readyz`, { headers: { 'x-logto-bridge-signature': sign(SECRET, { method: 'GET', path: '/readyz', body: '' }) } });
	const { checks } = (await res.json()) as { checks: Array<{ id: string; ok: boolean; detail: string }> };
	return Object.fromEntries(checks.map((c) => [c.id, c]));
}

test('the signed check asks Logto: a wrong secret or unknown app is red, and a saved change counts at once (signed refresh)', async () => {
	let override: Record<string, unknown> = {};
	const own = await startSystem({ site: () => override });
	const url = own.bridges[0]!.url;
	const refresh = (header = sign(SECRET, { method: 'POST', path: '/site-config/refresh', body: '' })) =>
		fetch(`${url}/site-config/refresh`, { method: 'POST', headers: { 'x-logto-bridge-signature': header }, body: '' });
	try {
		const good = await signedChecks(url);
		assert.deepEqual(
			['credentials', 'redirect_uri', 'post_sign_out_uri'].map((id) => good[id]?.ok),
			[true, true, true],
			JSON.stringify(good),
		);
		assert.equal((await (await fetch(`${url}/readyz`)).json() as { checks: Array<{ id: string }> }).checks.length, 4, 'strangers do not make the bridge call Logto');

		override = { appSecret: 'not-the-secret' };
		assert.equal((await signedChecks(url)).credentials!.ok, true, 'the cached settings, until WordPress says they changed');
		assert.equal((await refresh(`t=${Math.floor(Date.now() / 1000)},n=${'n'.repeat(22)},v1=${'0'.repeat(64)}`)).status, 401, 'an unsigned refresh is refused');
		const refreshed = await refresh();
		assert.equal(refreshed.status, 200);
		const wrong = await signedChecks(url);
		assert.equal(wrong.credentials!.ok, false);
		assert.match(wrong.credentials!.detail, /App ID or secret is wrong/);
		// A visitor meeting the same wrong secret gets the "not set up correctly" message, not a vague one.
		const landed = await signInByPhone(own, new Browser(), '+8613912345650', `${own.wp.url}/`);
		assert.equal(new URL(landed).searchParams.get('logto_error'), 'misconfigured');

		override = { appId: 'no-such-app' };
		await refresh();
		assert.match((await signedChecks(url)).credentials!.detail, /App ID or secret is wrong/);
	} finally {
		await own.stop();
	}
});

test('the signed check says which URI to add in Logto Console when the bridge\'s are not registered', async () => {
	// A bridge at another public URL than the one the idp's app registers, reading the same site.
	const elsewhere = 'http://127.0.0.1:1/elsewhere';
	const { app, ctx } = createApp(
		loadConfig({ BRIDGE_PUBLIC_URL: elsewhere, WP_URL: sys.wp.url, BRIDGE_SHARED_SECRET: SECRET, BRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'elsewhere-')), LOG_LEVEL: 'silent' }),
	);
	const server = app.listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	try {
		const checks = await signedChecks(`http://127.0.0.1:${(server.address() as { port: number }).port}`);
		assert.equal(checks.credentials!.ok, true);
		assert.equal(checks.redirect_uri!.ok, false);
		assert.equal(checks.redirect_uri!.detail, `Add this redirect URI in Logto Console: ${elsewhere}/callback`);
		assert.equal(checks.post_sign_out_uri!.ok, false);
		assert.equal(checks.post_sign_out_uri!.detail, `Add this post sign-out redirect URI in Logto Console: ${elsewhere}/sign-out/callback`);
	} finally {
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
		await ctx.store.close();
	}
});
