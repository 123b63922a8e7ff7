import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { createManagementApi } from '@logto/api/management';
import { decodeJwt, importJWK, SignJWT, type JWK } from 'jose';

import { authorizeRequest, Browser, formAction, lastCode, type RunningIdp, startIdp, tencentConfig } from '@logto-bridge/testkit';
import { tencentTc3Signature } from '../src/sms/signing.js';
import type { SandboxRecord } from '../src/sms/sandbox.js';

// Logto's own typed client (@logto/api) against the idp's Management API: the request and
// response shapes are Logto's, checked by the compiler, and the behaviour is checked here.
const RESOURCE = 'https://default.logto.app/api';
let idp: RunningIdp;

before(async () => {
	idp = await startIdp({ IDP_EMPTY: '1', IDP_EMPTY_AS: 'cloud' });
});
after(() => idp.stop());

const api = (clientId = 'wordpress-setup', clientSecret = 'local-setup-secret') =>
	createManagementApi('default', { clientId, clientSecret, baseUrl: idp.url, apiIndicator: RESOURCE });
// Logto's OpenAPI document types URIs as objects (a generator quirk); Logto takes strings.
const uris = (list: string[]) => list as unknown as Array<Record<string, unknown>>;

const authorizeUrl = (clientId: string, redirectUri: string) => authorizeRequest(idp.url, clientId, redirectUri, { scope: 'openid phone roles' }).url;

async function tokenRequest(clientId: string, secret: string) {
	return fetch(`${idp.url}/oidc/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
		body: new URLSearchParams({ grant_type: 'client_credentials', resource: RESOURCE, scope: 'all' }),
	});
}

test('the setup M2M app gets a JWT for the Management API with scope all; a wrong secret gets 401', async () => {
	const { value, scope } = await api().clientCredentials.getAccessToken();
	assert.equal(scope, 'all');
	const claims = decodeJwt(value);
	assert.equal(claims.aud, RESOURCE);
	assert.equal(claims.iss, `${idp.url}/oidc`);
	assert.equal(claims.client_id, 'wordpress-setup');
	await assert.rejects(api('wordpress-setup', 'wrong-secret-wrong-secret').clientCredentials.getAccessToken(), /401/);
});

test('without a token, with a tampered one, or without the management role, the API refuses', async () => {
	const plain = await fetch(`${idp.url}/api/applications`);
	assert.equal(plain.status, 401);
	assert.equal(((await plain.json()) as { code: string }).code, 'auth.authorization_header_missing');
	const { value } = await api().clientCredentials.getAccessToken();
	const [h, p, s] = value.split('.');
	const forged = `${h}.${Buffer.from(JSON.stringify({ ...decodeJwt(value), scope: 'all', client_id: 'x' })).toString('base64url')}.${s}`;
	assert.notEqual(forged, `${h}.${p}.${s}`);
	const tampered = await fetch(`${idp.url}/api/applications`, { headers: { authorization: `Bearer ${forged}` } });
	assert.equal(tampered.status, 401);
	// Signed by the idp itself, scope all, but for another API: not a Management API token.
	const { keys } = JSON.parse(readFileSync(join(idp.config.dataDir, 'keys.json'), 'utf8')) as { keys: Array<JWK & { kid: string; alg: string }> };
	const key = keys.find((k) => k.alg === 'ES384')!;
	const signed = async (iss: string, aud: string) =>
		new SignJWT({ scope: 'all', client_id: 'wordpress-setup' }).setProtectedHeader({ alg: 'ES384', kid: key.kid }).setIssuer(iss).setAudience(aud).setExpirationTime('5m').sign(await importJWK(key, 'ES384'));
	const refusedWith = async (token: string) => (await fetch(`${idp.url}/api/applications`, { headers: { authorization: `Bearer ${token}` } })).status;
	assert.equal(await refusedWith(await signed(`${idp.url}/oidc`, RESOURCE)), 200, 'the same key, issuer and audience pass');
	assert.equal(await refusedWith(await signed(`${idp.url}/oidc`, 'https://blog.example/wp-json')), 401, 'another audience');
	assert.equal(await refusedWith(await signed('https://evil.example/oidc', RESOURCE)), 401, 'another issuer');

	// An M2M app without the "Logto Management API access" role: a token without scope, then 403.
	const { data: bare } = await api().apiClient.POST('/api/applications', { body: { name: 'No roles', type: 'MachineToMachine' } });
	assert.ok(bare);
	const { data: secrets } = await api().apiClient.GET('/api/applications/{id}/secrets', { params: { path: { id: bare.id } } });
	const token = (await (await tokenRequest(bare.id, secrets![0]!.value)).json()) as { access_token: string; scope?: string };
	assert.equal(token.scope, undefined);
	const forbidden = await fetch(`${idp.url}/api/applications`, { headers: { authorization: `Bearer ${token.access_token}` } });
	assert.equal(forbidden.status, 403);
	assert.equal(((await forbidden.json()) as { code: string }).code, 'auth.forbidden');
});

test('a Traditional app created through the API is a live OIDC client; only its listed secret authenticates', async () => {
	const { apiClient } = api();
	const redirect = 'https://blog.example/wp-login.php?action=logto-callback';
	const { data: app, error } = await apiClient.POST('/api/applications', {
		body: {
			name: 'WordPress',
			type: 'Traditional',
			oidcClientMetadata: { redirectUris: uris([redirect]), postLogoutRedirectUris: uris(['https://blog.example/']), backchannelLogoutUri: 'https://blog.example/wp-json/logto-bridge/v1/backchannel-logout', backchannelLogoutSessionRequired: true },
			customData: { wordpressSite: 'https://blog.example' },
		},
	});
	assert.ok(app, JSON.stringify(error));
	assert.match(app.secret ?? '', /^#internal:/, 'the application carries an internal secret, as in Logto');
	assert.deepEqual(app.customData, { wordpressSite: 'https://blog.example' });
	const { data: secrets } = await apiClient.GET('/api/applications/{id}/secrets', { params: { path: { id: app.id } } });
	const secret = secrets?.[0]?.value;
	assert.ok(secret && !secret.startsWith('#internal'));

	// Registered redirect URI: on to the sign-in page; another: refused.
	const ok = await fetch(authorizeUrl(app.id, redirect), { redirect: 'manual' });
	assert.equal(ok.status, 303);
	assert.match(ok.headers.get('location') ?? '', /^\/interaction\//);
	assert.equal((await fetch(authorizeUrl(app.id, 'https://evil.example/cb'), { redirect: 'manual' })).status, 400);
	// The internal secret is no client secret (invalid_client); the listed one is, and a web app
	// is then refused the client-credentials grant, as Logto does.
	assert.equal((await tokenRequest(app.id, app.secret!)).status, 401);
	const right = await tokenRequest(app.id, secret);
	assert.equal(right.status, 400);

	// PATCH replaces the whole oidcClientMetadata, as Logto's does.
	const { data: patched } = await apiClient.PATCH('/api/applications/{id}', {
		params: { path: { id: app.id } },
		body: { oidcClientMetadata: { redirectUris: uris(['https://blog.example/other']), postLogoutRedirectUris: uris([]) } },
	});
	assert.deepEqual(patched?.oidcClientMetadata, { redirectUris: ['https://blog.example/other'], postLogoutRedirectUris: [] });
	assert.equal((await fetch(authorizeUrl(app.id, redirect), { redirect: 'manual' })).status, 400, 'the change is live at once');

	const { data: listed } = await apiClient.GET('/api/applications', { params: { query: { types: ['Traditional'] } } });
	assert.ok(listed?.some((a) => a.id === app.id));
	assert.ok(listed?.every((a) => a.type === 'Traditional'));
	const { error: bad, response } = await apiClient.POST('/api/applications', { body: { name: '', type: 'Traditional' } });
	assert.equal(response.status, 400);
	assert.equal((bad as unknown as { code: string }).code, 'guard.invalid_input');
});

test('SMS connectors: factories as Logto lists them, config checked, one at a time, test message signed and recorded', async () => {
	const { apiClient } = api();
	const { data: factories } = await apiClient.GET('/api/connector-factories');
	const tencent = factories?.find((f) => f.id === 'tencent-short-message-service');
	if (!tencent) throw new Error('no Tencent factory');
	assert.ok(tencent.formItems?.some((i) => i.key === 'templates'));
	assert.deepEqual(factories?.map((f) => f.type), ['Sms', 'Sms', 'Sms']);

	const { response: refused, error } = await apiClient.POST('/api/connectors', { body: { connectorId: tencent.id, config: { ...tencentConfig(), sdkAppId: undefined } } });
	assert.equal(refused.status, 400);
	// As Logto 1.37.1 answers: a general message, the field in `details`.
	assert.equal((error as unknown as { message: string }).message, "The connector's config is invalid.");
	assert.match((error as unknown as { details: string }).details, /sdkAppId/);

	// Logto's test endpoint takes the number as digits; the message goes through Logto's connector code.
	const test = await apiClient.POST('/api/connectors/{factoryId}/test', { params: { path: { factoryId: tencent.id } }, body: { phone: '8613800138111', config: tencentConfig() } });
	assert.equal(test.response.status, 204);
	const records = readFileSync(join(idp.config.dataDir, 'sms-sandbox.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SandboxRecord);
	const sent = records.at(-1)!;
	assert.equal(sent.url, 'https://sms.tencentcloudapi.com/');
	assert.deepEqual(JSON.parse(sent.body).PhoneNumberSet, ['8613800138111']);
	assert.equal(JSON.parse(sent.body).TemplateId, 'tpl-Generic');
	const timestamp = Number(sent.headers['x-tc-timestamp']);
	const signature = tencentTc3Signature({ secretKey: 'tencent-secret', service: 'sms', host: 'sms.tencentcloudapi.com', timestamp, payload: sent.body });
	assert.ok(sent.headers.authorization?.endsWith(`Signature=${signature}`), 'the recorded request carries a valid TC3 signature');
	assert.equal(lastCode(idp.config.sms.outbox, '+8613800138111'), '000000');

	const { data: first } = await apiClient.POST('/api/connectors', { body: { connectorId: tencent.id, config: tencentConfig() } });
	assert.ok(first);
	const twilio = { accountSID: 'AC0123', authToken: 'twilio-token', fromMessagingServiceSID: 'MG0456', templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, content: `{{code}} (${usageType})` })) };
	const { data: second } = await apiClient.POST('/api/connectors', { body: { connectorId: 'twilio-short-message-service', config: twilio } });
	const { data: all } = await apiClient.GET('/api/connectors');
	assert.deepEqual(all?.map((c) => c.id), [second!.id], 'a new SMS connector replaces the old one, as in Logto');
	const { data: back } = await apiClient.PATCH('/api/connectors/{id}', { params: { path: { id: second!.id } }, body: { config: tencentConfig() } });
	assert.equal(back, undefined, 'a config of another provider is refused');
	await apiClient.POST('/api/connectors', { body: { connectorId: tencent.id, config: tencentConfig() } });
});

test('phone sign-in turned on through the sign-in experience: the page offers it, email stays, new accounts get default roles', async () => {
	const { apiClient } = api();
	// A fresh tenant (Logto Cloud's default): email + password only.
	const { data: before } = await apiClient.GET('/api/sign-in-exp');
	assert.deepEqual(before?.signIn.methods.map((m) => m.identifier), ['email']);
	const { data: role } = await apiClient.POST('/api/roles', { body: { name: 'wordpress:author', description: 'WordPress author', isDefault: true } });
	assert.ok(role);
	const { response: dup } = await apiClient.POST('/api/roles', { body: { name: 'wordpress:author', description: 'again' } });
	assert.equal(dup.status, 422);

	const { data: app } = await apiClient.POST('/api/applications', { body: { name: 'WP', type: 'Traditional', oidcClientMetadata: { redirectUris: uris(['https://blog.example/cb']), postLogoutRedirectUris: uris([]) } } });
	const page = async () => {
		const browser = new Browser();
		return { browser, page: await browser.follow(authorizeUrl(app!.id, 'https://blog.example/cb')) };
	};
	assert.doesNotMatch((await page()).page.html, /name="phone"/);

	const { data: after, error } = await apiClient.PATCH('/api/sign-in-exp', {
		body: {
			// Sign-up by email or phone without a password: Logto then wants email codes too.
			signIn: { methods: [{ ...before!.signIn.methods[0]!, verificationCode: true }, { identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] },
			signUp: { identifiers: ['email', 'phone'], password: false, verify: true },
		},
	});
	assert.ok(after, JSON.stringify(error));
	assert.deepEqual(after.signIn.methods.map((m) => m.identifier), ['email', 'phone']);
	const { browser, page: signIn } = await page();
	assert.match(signIn.html, /name="phone"/);
	assert.match(signIn.html, /id="username"/, 'the email + password form is still there');

	const phone = '+8613800138222';
	const codeScreen = await browser.follow(new URL(formAction(signIn.html, '/phone'), idp.url).href, () => false, { form: { phone, intent: 'sign_in' } });
	const confirm = await browser.follow(new URL(formAction(codeScreen.html, '/code'), idp.url).href, () => false, { form: { code: lastCode(idp.config.sms.outbox, phone) } });
	const done = await browser.follow(new URL(formAction(confirm.html, '/register'), idp.url).href, (url) => url.startsWith('https://blog.example/'), { form: {} });
	assert.match(done.url, /^https:\/\/blog\.example\/cb\?code=/);
	const user = idp.accounts.findByPhone(phone);
	assert.deepEqual(user?.roles, ['wordpress:author']);
	const { data: roles } = await apiClient.GET('/api/users/{userId}/roles', { params: { path: { userId: user!.id } } });
	assert.deepEqual(roles?.map((r) => r.name), ['wordpress:author']);
});

test('phone sign-in cannot be turned on before an SMS connector exists', async () => {
	const fresh = await startIdp({ IDP_EMPTY: '1' });
	try {
		const client = createManagementApi('default', { clientId: 'wordpress-setup', clientSecret: 'local-setup-secret', baseUrl: fresh.url, apiIndicator: RESOURCE }).apiClient;
		const { response, error } = await client.PATCH('/api/sign-in-exp', {
			body: { signIn: { methods: [{ identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] }, signUp: { identifiers: ['phone'], password: false, verify: true } },
		});
		assert.equal(response.status, 400);
		assert.equal((error as unknown as { code: string }).code, 'sign_in_experiences.enabled_connector_not_found');
	} finally {
		await fresh.stop();
	}
});
