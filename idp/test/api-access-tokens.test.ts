import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';

import { createManagementApi } from '@logto/api/management';
import { createRemoteJWKSet, jwtVerify } from 'jose';

import { Browser, formAction, lastCode, startIdp, type RunningIdp } from '@logto-bridge/testkit';

// Access tokens for an API resource, as Logto issues them to a native app: a JWT whose audience
// is the resource, signed with the ID tokens' key, carrying the scopes the user's roles grant.
const API = 'http://127.0.0.1:8888/wp-json';
const REDIRECT = 'io.logto.wordpress://callback';
let idp: RunningIdp;
let nativeAppId: string;

before(async () => {
	idp = await startIdp({ IDP_API_RESOURCE: API });
	const admin = createManagementApi('default', { clientId: 'wordpress-setup', clientSecret: 'local-setup-secret', baseUrl: idp.url, apiIndicator: 'https://default.logto.app/api' }).apiClient;
	const { data } = await admin.POST('/api/applications', {
		body: { name: 'WordPress app', type: 'Native', oidcClientMetadata: { redirectUris: [REDIRECT] as never, postLogoutRedirectUris: [REDIRECT] as never } },
	});
	nativeAppId = data!.id;
});
after(() => idp.stop());

/** A new phone signs up in a native app's authorization request; returns the token response. */
async function appSignIn(phone: string, scope: string, resource: string | null = API) {
	const verifier = randomBytes(32).toString('base64url');
	const url = new URL(`${idp.url}/oidc/auth`);
	url.search = new URLSearchParams({
		client_id: nativeAppId,
		response_type: 'code',
		redirect_uri: REDIRECT,
		scope,
		state: 's',
		code_challenge: createHash('sha256').update(verifier).digest('base64url'),
		code_challenge_method: 'S256',
		...(resource ? { resource } : {}),
		prompt: 'consent',
	}).toString();
	const browser = new Browser();
	const signIn = await browser.follow(url.href);
	assert.equal(signIn.status, 200, signIn.html.slice(0, 300));
	const code = await browser.follow(`${idp.url}${formAction(signIn.html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
	const back = (u: string) => u.startsWith(REDIRECT);
	const verified = await browser.follow(`${idp.url}${formAction(code.html, '/code')}`, back, { form: { code: lastCode(idp.config.sms.outbox, phone) } });
	// A new number is asked "create a new account?" first; a known one comes straight back.
	const done = back(verified.url) ? verified : await browser.follow(`${idp.url}${formAction(verified.html, '/register')}`, back, { form: {} });
	const authCode = new URL(done.url).searchParams.get('code');
	assert.ok(authCode, `redirected back with a code: ${done.url}`);
	const res = await fetch(`${idp.url}/oidc/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code: authCode, redirect_uri: REDIRECT, code_verifier: verifier, client_id: nativeAppId, ...(resource ? { resource } : {}) }),
	});
	assert.equal(res.status, 200, await res.clone().text());
	return (await res.json()) as { access_token: string; id_token: string; scope?: string; refresh_token?: string };
}

test('a native app with a custom-scheme redirect gets a JWT for the API resource with the scopes asked for', async () => {
	const tokens = await appSignIn('+8613800138701', 'openid offline_access wp:read wp:write');
	const jwks = createRemoteJWKSet(new URL(`${idp.url}/oidc/jwks`));
	const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: `${idp.url}/oidc`, audience: API });
	assert.equal(protectedHeader.alg, 'ES384', 'signed like the ID token');
	assert.equal(payload.scope, 'wp:read wp:write');
	assert.equal(payload.client_id, nativeAppId);
	const idToken = await jwtVerify(tokens.id_token, jwks, { issuer: `${idp.url}/oidc`, audience: nativeAppId });
	assert.equal(payload.sub, idToken.payload.sub, 'the same user');
	assert.ok(tokens.refresh_token, 'offline_access gives a refresh token');
});

test('a token asked with wp:read only carries wp:read; without a resource, no JWT for the API', async () => {
	const read = await appSignIn('+8613800138702', 'openid wp:read');
	const { payload } = await jwtVerify(read.access_token, createRemoteJWKSet(new URL(`${idp.url}/oidc/jwks`)), { audience: API });
	assert.equal(payload.scope, 'wp:read');
	const none = await appSignIn('+8613800138703', 'openid', null);
	assert.equal(none.access_token.split('.').length, 1, 'an opaque token for userinfo, as Logto gives without a resource');
});

test("an unknown resource is refused; scopes come only from the user's roles", async () => {
	const url = new URL(`${idp.url}/oidc/auth`);
	url.search = new URLSearchParams({ client_id: nativeAppId, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', resource: 'https://elsewhere.example/api' }).toString();
	const res = await fetch(url, { redirect: 'manual' });
	assert.ok(res.status === 303 || res.status === 400);
	if (res.status === 303) assert.match(res.headers.get('location') ?? '', /error=invalid_target/);

	// New accounts get the default role that grants the API's scopes; without it, a token carries none.
	await appSignIn('+8613800138704', 'openid wp:read');
	const user = idp.accounts.findByPhone('+8613800138704')!;
	assert.deepEqual(user.roles, ['wordpress:app']);
	idp.accounts.setRoles(user.id, []);
	const without = await appSignIn('+8613800138704', 'openid wp:read wp:write');
	const { payload } = await jwtVerify(without.access_token, createRemoteJWKSet(new URL(`${idp.url}/oidc/jwks`)), { audience: API });
	assert.equal(payload.scope, undefined, 'no role, no scope of the API');
});
