import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import * as client from 'openid-client';

import { Browser, formAction, freePort, inputValue, lastCode, startIdp, type RunningIdp } from '@logto-bridge/testkit';

const CLIENT_ID = 'wp-test';
const CLIENT_SECRET = 'test-secret-0123456789abcdef';
const PHONE = '+8613800138000';

let idp: RunningIdp;
let rpPort: number;
let backchannel: Server;
const logoutTokens: string[] = [];

before(async () => {
	rpPort = await freePort();
	backchannel = createServer((req, res) => {
		let body = '';
		req.on('data', (c) => (body += c));
		req.on('end', () => {
			logoutTokens.push(new URLSearchParams(body).get('logout_token') ?? '');
			res.end();
		});
	}).listen(rpPort, '127.0.0.1');
	const dir = mkdtempSync(join(tmpdir(), 'idp-clients-'));
	const clientsFile = join(dir, 'clients.json');
	writeFileSync(
		clientsFile,
		JSON.stringify([
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: [`http://127.0.0.1:${rpPort}/callback`],
				post_logout_redirect_uris: [`http://127.0.0.1:${rpPort}/signed-out`],
				backchannel_logout_uri: `http://127.0.0.1:${rpPort}/backchannel`,
				backchannel_logout_session_required: true,
			},
		]),
	);
	idp = await startIdp({ IDP_CLIENTS_FILE: clientsFile });
});

after(async () => {
	await idp.stop();
	backchannel.close();
});

function decodeJwt(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
	const [h, p] = jwt.split('.');
	return { header: JSON.parse(Buffer.from(h!, 'base64url').toString()), payload: JSON.parse(Buffer.from(p!, 'base64url').toString()) };
}

test('openid-client signs a new phone user in with PKCE, verifies the ES384 ID token, reads userinfo, refreshes and logs out', async () => {
	const config = await client.discovery(new URL(`${idp.url}/oidc`), CLIENT_ID, CLIENT_SECRET, client.ClientSecretBasic(CLIENT_SECRET), {
		execute: [client.allowInsecureRequests],
	});
	client.enableNonRepudiationChecks(config);
	assert.equal(config.serverMetadata().issuer, `${idp.url}/oidc`);

	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	const authUrl = client.buildAuthorizationUrl(config, {
		redirect_uri: `http://127.0.0.1:${rpPort}/callback`,
		scope: 'openid profile email phone roles offline_access',
		prompt: 'consent',
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state,
		nonce,
		login_hint: PHONE,
		first_screen: 'identifier:sign_in',
		identifier: 'phone',
	});

	const browser = new Browser();
	const signIn = await browser.follow(authUrl.href);
	assert.equal(signIn.status, 200);
	assert.equal(inputValue(signIn.html, 'phone'), PHONE, 'login_hint prefills the phone number');
	assert.equal(inputValue(signIn.html, 'password'), undefined, 'identifier=phone shows no password form');

	const codePage = await browser.follow(`${idp.url}${formAction(signIn.html, '/phone')}`, undefined, { form: { phone: PHONE, intent: 'sign_in' } });
	assert.match(codePage.html, /sent to \+86 138 0013 8000/);
	const confirm = await browser.follow(`${idp.url}${formAction(codePage.html, '/code')}`, undefined, { form: { code: lastCode(idp.config.sms.outbox, PHONE) } });
	assert.match(confirm.html, /No account found for \+86 138 0013 8000; create a new one\?/);

	const callback = await browser.follow(`${idp.url}${formAction(confirm.html, '/register')}`, (u) => u.startsWith(`http://127.0.0.1:${rpPort}/callback`), { form: {} });
	const callbackUrl = new URL(callback.url);
	assert.equal(callbackUrl.searchParams.get('iss'), `${idp.url}/oidc`, 'the authorization response carries iss (RFC 9207)');

	const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce });
	const idToken = decodeJwt(tokens.id_token!);
	assert.equal(idToken.header.alg, 'ES384');
	const claims = tokens.claims()!;
	assert.equal(claims.phone_number, '8613800138000', 'Logto sends phone numbers as digits only');
	assert.equal(claims.phone_number_verified, true);
	assert.equal(claims.email, null);
	assert.equal(claims.email_verified, false);
	assert.equal(claims.name, null);
	assert.ok(typeof claims.sid === 'string', 'the ID token carries sid for back-channel logout');

	const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
	assert.equal(userinfo.phone_number, '8613800138000');
	assert.deepEqual(userinfo.roles, []);

	assert.ok(tokens.refresh_token, 'offline_access with prompt=consent issues a refresh token');
	const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
	assert.ok(refreshed.access_token && refreshed.access_token !== tokens.access_token);

	// RP-initiated logout: the confirm form submits itself; then back to the site.
	const endSession = client.buildEndSessionUrl(config, {
		id_token_hint: tokens.id_token!,
		post_logout_redirect_uri: `http://127.0.0.1:${rpPort}/signed-out`,
	});
	const confirmLogout = await browser.follow(endSession.href);
	assert.match(confirmLogout.html, /document\.forms\[0\]\.submit\(\)/, 'the logout form submits itself');
	const action = confirmLogout.html.match(/<form[^>]*action="([^"]+)"/)![1]!;
	const fields = Object.fromEntries([...confirmLogout.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
	const signedOut = await browser.follow(new URL(action, idp.url).href, (u) => u.startsWith(`http://127.0.0.1:${rpPort}/signed-out`), { form: fields });
	assert.ok(signedOut.url.startsWith(`http://127.0.0.1:${rpPort}/signed-out`));

	// Back-channel logout reached the client with Logto's claims.
	const deadline = Date.now() + 5000;
	while (!logoutTokens.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	const logout = decodeJwt(logoutTokens[0]!);
	assert.equal(logout.header.typ, 'logout+jwt');
	assert.equal(logout.payload.sub, claims.sub);
	assert.equal(logout.payload.sid, claims.sid);
	assert.ok(logout.payload.events && 'http://schemas.openid.net/event/backchannel-logout' in (logout.payload.events as object));
	assert.equal(logout.payload.nonce, undefined);

	// The session is gone: a new authorization asks to sign in again.
	const again = await browser.follow(
		client.buildAuthorizationUrl(config, {
			redirect_uri: `http://127.0.0.1:${rpPort}/callback`,
			scope: 'openid phone',
			code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()),
			code_challenge_method: 'S256',
			state: client.randomState(),
		}).href,
	);
	assert.ok(inputValue(again.html, 'phone') !== undefined, 'signed out: the sign-in page shows again');
});
