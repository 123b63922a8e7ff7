import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { createRemoteJWKSet, jwtVerify } from 'jose';

import { startIdp, type RunningIdp } from '@logto-bridge/testkit';
import { appTokens } from '@logto-bridge/testkit/app-token';
import { localManagementApi, registerNativeApp } from '@logto-bridge/testkit/management-api';

// Access tokens for an API resource, as Logto issues them to a native app: a JWT whose audience
// is the resource, signed with the ID tokens' key, carrying the scopes the user's roles grant.
const API = 'http://127.0.0.1:8888/wp-json';
const REDIRECT = 'io.logto.wordpress://callback';
let idp: RunningIdp;
let nativeAppId: string;

before(async () => {
	idp = await startIdp({ IDP_API_RESOURCE: API });
	nativeAppId = await registerNativeApp(idp.url, 'WordPress app', REDIRECT);
});
after(() => idp.stop());

/** A phone signs in (signing up when new) in the native app's authorization request; the token response. */
const appSignIn = (phone: string, scope: string, resource: string | null = API) =>
	appTokens({ idpUrl: idp.url, outbox: idp.config.sms.outbox, clientId: nativeAppId, redirectUri: REDIRECT, resource }, phone, scope);

test('a native app with a custom-scheme redirect gets a JWT for the API resource with the scopes asked for', async () => {
	const tokens = await appSignIn('+8613800138701', 'offline_access wp:read wp:write');
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
	const read = await appSignIn('+8613800138702', 'wp:read');
	const { payload } = await jwtVerify(read.access_token, createRemoteJWKSet(new URL(`${idp.url}/oidc/jwks`)), { audience: API });
	assert.equal(payload.scope, 'wp:read');
	const none = await appSignIn('+8613800138703', '', null);
	assert.equal(none.access_token.split('.').length, 1, 'an opaque token for userinfo, as Logto gives without a resource');
});

test("an unknown resource is refused; scopes come only from the user's roles", async () => {
	const url = new URL(`${idp.url}/oidc/auth`);
	url.search = new URLSearchParams({ client_id: nativeAppId, response_type: 'code', redirect_uri: REDIRECT, scope: 'openid', state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', resource: 'https://elsewhere.example/api' }).toString();
	const res = await fetch(url, { redirect: 'manual' });
	assert.ok(res.status === 303 || res.status === 400);
	if (res.status === 303) assert.match(res.headers.get('location') ?? '', /error=invalid_target/);

	// New accounts get the default role that grants the API's scopes; without it, a token carries none.
	await appSignIn('+8613800138704', 'wp:read');
	const user = idp.accounts.findByPhone('+8613800138704')!;
	assert.deepEqual(user.roles, ['wordpress:app']);
	idp.accounts.setRoles(user.id, []);
	const without = await appSignIn('+8613800138704', 'wp:read wp:write');
	const { payload } = await jwtVerify(without.access_token, createRemoteJWKSet(new URL(`${idp.url}/oidc/jwks`)), { audience: API });
	assert.equal(payload.scope, undefined, 'no role, no scope of the API');
});

test("CORS as Logto allows it: the origin of a redirect URI or of the app's corsAllowedOrigins may call the token endpoint from a browser, no other", async () => {
	const web = await registerNativeApp(idp.url, 'WordPress app (web build)', 'http://127.0.0.1:3999/callback');
	const preflight = async (origin: string) => {
		const res = await fetch(`${idp.url}/oidc/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
		return res.headers.get('access-control-allow-origin');
	};
	// The token request itself, as @logto/browser sends it (a public client names itself).
	const tokenCall = async (origin: string, clientId: string) => {
		const res = await fetch(`${idp.url}/oidc/token`, {
			method: 'POST',
			headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'none', client_id: clientId }),
		});
		return res.headers.get('access-control-allow-origin');
	};
	assert.equal(await preflight('http://127.0.0.1:3999'), 'http://127.0.0.1:3999', 'preflight is answered for any origin; the call decides');
	assert.equal(await tokenCall('http://127.0.0.1:3999', web), 'http://127.0.0.1:3999', "the redirect URI's origin");
	assert.equal(await tokenCall('https://evil.example', web), null, 'another origin');
	assert.equal(await tokenCall('capacitor://localhost', nativeAppId), null, 'a WebView origin the app does not list');
	const api = await localManagementApi(idp.url);
	await api(`/applications/${nativeAppId}`, 'PATCH', { customClientMetadata: { corsAllowedOrigins: ['capacitor://localhost'] } });
	assert.equal(await tokenCall('capacitor://localhost', nativeAppId), 'capacitor://localhost', 'listed in corsAllowedOrigins');
});
