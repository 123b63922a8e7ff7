import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { importJWK, SignJWT, type JWK } from 'jose';

import { SECRET, startSystem, type System } from '@logto-bridge/testkit';
import { appTokens, flipSignature } from '@logto-bridge/testkit/app-token';
import { registerNativeApp } from '@logto-bridge/testkit/management-api';

import { RESPONSE, sign, SIGNATURE_HEADER, verify } from '../src/signature.js';

// POST /tokens/verify against the real idp's JWKS: tokens signed with the idp's own key (as it
// signs access tokens), each with one thing wrong. Each check has a test that fails without it.
const API = 'https://blog.example/wp-json';
let sys: System;
let issuer: string;
let idpKey: JWK & { kid: string };

before(async () => {
	sys = await startSystem({ site: () => ({ apiResource: API }) });
	issuer = `${sys.idp.url}/oidc`;
	const { keys } = JSON.parse(readFileSync(join(sys.idp.config.dataDir, 'keys.json'), 'utf8')) as { keys: Array<JWK & { kid: string; alg: string }> };
	idpKey = keys.find((k) => k.alg === 'ES384')!;
});
after(() => sys.stop());

async function token(claims: Record<string, unknown> = {}, { key = idpKey, alg = 'ES384' }: { key?: JWK & { kid: string }; alg?: string } = {}) {
	const now = Math.floor(Date.now() / 1000);
	return new SignJWT({ scope: 'wp:read wp:write', client_id: 'app', ...claims })
		.setProtectedHeader({ alg, kid: key.kid, typ: 'at+jwt' })
		.setIssuer(typeof claims.iss === 'string' ? claims.iss : issuer)
		.setAudience(typeof claims.aud === 'string' ? claims.aud : API)
		.setSubject(typeof claims.sub === 'string' ? claims.sub : 'user-1')
		.setIssuedAt(now)
		.setExpirationTime(typeof claims.exp === 'number' ? claims.exp : now + 600)
		.sign(await importJWK(key, alg));
}

async function check(tokenValue: string, { path = '/tokens/verify', extra = {} }: { path?: string; extra?: Record<string, unknown> } = {}) {
	const body = JSON.stringify({ token: tokenValue, ...extra });
	const res = await fetch(`${sys.bridges[0]!.url}${path}`, { method: 'POST', headers: { [SIGNATURE_HEADER]: sign(SECRET, { method: 'POST', path, body }) }, body });
	const text = await res.text();
	assert.ok(verify(SECRET, res.headers.get(SIGNATURE_HEADER) ?? undefined, { method: RESPONSE, path, body: text }).ok, 'the answer is signed');
	return { status: res.status, body: JSON.parse(text) as { error?: string; sub?: string; scopes?: string[]; exp?: number; claims?: Record<string, unknown> } };
}

test('a token Logto signed for this site is accepted, with its subject and API scopes', async () => {
	const ok = await check(await token());
	assert.equal(ok.status, 200, JSON.stringify(ok.body));
	assert.equal(ok.body.sub, 'user-1');
	assert.deepEqual(ok.body.scopes, ['wp:read', 'wp:write']);
});

test('refused: another audience, another issuer, expired, alg none, an unknown key, a flipped signature', async () => {
	assert.equal((await check(await token({ aud: 'https://other.example/wp-json' }))).status, 401, 'wrong aud');
	assert.equal((await check(await token({ iss: 'https://evil.example/oidc' }))).status, 401, 'wrong iss');
	assert.equal((await check(await token({ exp: Math.floor(Date.now() / 1000) - 60 }))).status, 401, 'expired');
	const [, payload] = (await token()).split('.');
	const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url')}.${payload}.`;
	assert.equal((await check(none)).status, 401, 'alg none');
	const stranger = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'jwk' }) as JWK;
	assert.equal((await check(await token({}, { key: { ...stranger, kid: 'unknown-kid' } }))).status, 401, 'unknown kid');
	const stolenKid = { ...stranger, kid: idpKey.kid };
	assert.equal((await check(await token({}, { key: stolenKid }))).status, 401, "another key under Logto's kid");
	const good = await token();
	const flipped = flipSignature(good);
	assert.equal((await check(flipped)).status, 401, 'flipped signature');
	for (const bad of ['', 'a.b', 'not-a-token']) assert.equal((await check(bad)).body.error, 'invalid_token');
});

test('a token without wp:read or wp:write gets insufficient_scope', async () => {
	const none = await check(await token({ scope: 'openid profile' }));
	assert.equal(none.status, 403);
	assert.equal(none.body.error, 'insufficient_scope');
	assert.deepEqual((await check(await token({ scope: 'wp:read' }))).body.scopes, ['wp:read']);
});

test('an unsigned or replayed verify call is refused', async () => {
	const body = JSON.stringify({ token: await token() });
	const url = `${sys.bridges[0]!.url}/tokens/verify`;
	assert.equal((await fetch(url, { method: 'POST', body })).status, 401);
	const header = sign(SECRET, { method: 'POST', path: '/tokens/verify', body });
	assert.equal((await fetch(url, { method: 'POST', headers: { [SIGNATURE_HEADER]: header }, body })).status, 200);
	assert.equal((await fetch(url, { method: 'POST', headers: { [SIGNATURE_HEADER]: header }, body })).status, 401, 'replayed');
});

test("the app's own sign-in: Logto's userinfo for the token's subject gives the claims; another subject's, a forged or no userinfo token is refused", async () => {
	const redirectUri = 'io.example.app://callback';
	const clientId = await registerNativeApp(sys.idp.url, 'App (test)', redirectUri);
	const phone = '+12015550177';
	const app = { idpUrl: sys.idp.url, outbox: sys.idp.config.sms.outbox, clientId, redirectUri, resource: null };
	const { access_token: userinfoToken, id_token: idToken } = await appTokens(app, phone, 'phone');
	const sub = (JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString()) as { sub: string }).sub;
	const account = (accessToken: string, userinfo?: string) => check(accessToken, { path: '/tokens/account', extra: userinfo === undefined ? {} : { userinfo_token: userinfo } });

	const ok = await account(await token({ sub }), userinfoToken);
	assert.equal(ok.status, 200, JSON.stringify(ok.body));
	assert.equal(ok.body.sub, sub);
	assert.equal(ok.body.claims?.sub, sub);
	assert.equal(ok.body.claims?.phone_number, '12015550177', 'the claims come from userinfo');

	assert.equal((await account(await token({ sub: 'someone-else' }), userinfoToken)).status, 401, "another subject's userinfo token");
	assert.equal((await account(await token({ sub }), 'forged-userinfo-token')).status, 401, 'a userinfo token Logto does not know');
	assert.equal((await account(await token({ sub }))).status, 401, 'no userinfo token');
	assert.equal((await account(await token({ sub, aud: 'https://other.example/wp-json' }), userinfoToken)).status, 401, 'an access token for another site');
	assert.equal((await account(await token({ sub, scope: 'openid' }), userinfoToken)).status, 403, 'no API scope');
});
