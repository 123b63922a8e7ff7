import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';

import { Browser, errorOf, formAction, signInUrl, startSystem, type System } from '@logto-bridge/testkit';
import { generateKeyPair } from 'jose';
import * as client from 'openid-client';

import { OidcClients } from '../src/oidc.js';
import type { SiteConfig } from '../src/site-config.js';
import { type LogoutTokenChange, signLogoutToken } from './support/logout-token.js';

// Each test here defends one check of the bridge: it fails when the check is removed.
let sys: System;
let bridge: string;

before(async () => {
	sys = await startSystem();
	bridge = sys.bridges[0]!.url;
});
after(() => sys.stop());


test('an ID token whose signature was changed on the way from the token endpoint is refused (response tampered in transit)', async () => {
	const { ctx } = sys.bridges[0]!;
	const browser = new Browser();
	const start = await browser.follow(signInUrl(bridge));
	const callback = await browser.follow(`${sys.idp.url}${formAction(start.html, '/password')}`, (u) => u.startsWith(`${bridge}/callback`), {
		form: { username: 'ed', password: 'editor-password-123' },
	});
	const config = await ctx.oidc.get(await ctx.site.get());
	// openid-client's own hook for the HTTP it makes: flip one bit of the ID token's signature.
	config[client.customFetch] = async (url, options) => {
		const res = await fetch(url, options as RequestInit);
		if (!url.endsWith('/token')) return res;
		const body = (await res.json()) as { id_token: string };
		const [header, payload, signature] = body.id_token.split('.') as [string, string, string];
		const bytes = Buffer.from(signature, 'base64url');
		bytes[0]! ^= 1;
		body.id_token = `${header}.${payload}.${bytes.toString('base64url')}`;
		return new Response(JSON.stringify(body), { status: res.status, headers: { 'content-type': 'application/json' } });
	};
	try {
		const landed = await browser.follow(callback.url, (u) => u.includes('/wp-login.php'));
		assert.equal(errorOf(landed.url), 'invalid_token');
	} finally {
		delete config[client.customFetch];
	}
});

const logoutToken = (change: LogoutTokenChange = {}) => signLogoutToken(sys.idp, change);

const postLogout = (token: string) =>
	fetch(`${bridge}/backchannel-logout`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ logout_token: token }).toString(),
	});

test('back-channel logout: a valid token reaches WordPress, once', async () => {
	const token = await logoutToken();
	assert.equal((await postLogout(token)).status, 200);
	assert.equal((await postLogout(token)).status, 400, 'the same jti again');
});

test('back-channel logout: no events claim, another event, another audience, a nonce, or an old token is refused', async () => {
	const before = sys.wp.logouts.length;
	assert.equal((await postLogout(await logoutToken({ drop: ['events'] }))).status, 400, 'no events');
	assert.equal((await postLogout(await logoutToken({ claims: { events: { 'http://schemas.openid.net/event/other': {} } } }))).status, 400, 'another event');
	assert.equal((await postLogout(await logoutToken({ claims: { aud: 'another-app' } }))).status, 400, 'another audience');
	assert.equal((await postLogout(await logoutToken({ claims: { nonce: 'n' } }))).status, 400, 'a nonce');
	assert.equal((await postLogout(await logoutToken({ iat: Math.floor(Date.now() / 1000) - 301 }))).status, 400, 'older than 300 s');
	assert.equal(sys.wp.logouts.length, before, 'WordPress was told nothing');
});

test('back-channel logout: a token signed by another key under the idp\'s kid, or unsigned (alg none), ends no session', async () => {
	const before = sys.wp.logouts.length;
	const { privateKey } = await generateKeyPair('ES384');
	assert.equal((await postLogout(await logoutToken({ key: privateKey }))).status, 400, 'another key');
	// The same claims, well-formed, with alg none and no signature.
	const [, payload] = (await logoutToken()).split('.') as [string, string];
	const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'logout+jwt' })).toString('base64url');
	assert.equal((await postLogout(`${none}.${payload}.`)).status, 400, 'alg none');
	assert.equal(sys.wp.logouts.length, before, 'WordPress was told nothing');
});

test('a Logto endpoint over plain http off loopback is refused for sign-in; the same Logto on a loopback name is used', async () => {
	// A Logto discovery document for whatever host it is asked under. [::ffff:127.0.0.1] reaches this
	// loopback listener but is not a loopback name to the bridge: it stands for a host elsewhere.
	const logto = createServer((req, res) => {
		const issuer = `http://${req.headers.host}/oidc`;
		res.writeHead(200, { 'content-type': 'application/json' }).end(
			JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, end_session_endpoint: `${issuer}/session/end` }),
		);
	});
	await new Promise<void>((resolve) => logto.listen(0, '127.0.0.1', resolve));
	const port = (logto.address() as AddressInfo).port;
	const site = (endpoint: string) => ({ endpoint, appId: 'app', appSecret: 'secret' }) as SiteConfig;
	try {
		const clients = new OidcClients();
		await assert.rejects(clients.get(site(`http://[::ffff:127.0.0.1]:${port}`)), (error: { code?: string }) => error.code === 'idp_unreachable');
		assert.equal((await clients.get(site(`http://127.0.0.1:${port}`))).serverMetadata().issuer, `http://127.0.0.1:${port}/oidc`);
	} finally {
		logto.close();
	}
});
