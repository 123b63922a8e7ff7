import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { createManagementApi } from '@logto/api/management';
import { freePort, lastCode, type RunningIdp, SECRET, startIdp, tencentConfig } from '@logto-bridge/testkit';

import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { forgetTokens } from '../src/setup/management-session.js';
import { RESPONSE, sign, SIGNATURE_HEADER, verify } from '../src/signature.js';

// The setup wizard's bridge side against the idp's Management API (Logto's shapes, checked by
// @logto/api's types there): every call signed by "WordPress", every answer signed back.
let idp: RunningIdp;
let bridgeUrl: string;
let server: Server;
const SITE = 'http://127.0.0.1:8888/';
let logto: { endpoint: string; appId: string; appSecret: string };

before(async () => {
	idp = await startIdp({ IDP_EMPTY: '1' });
	logto = { endpoint: idp.url, appId: 'wordpress-setup', appSecret: 'local-setup-secret' };
	const port = await freePort();
	bridgeUrl = `http://127.0.0.1:${port}`;
	const config = loadConfig({ BRIDGE_PUBLIC_URL: bridgeUrl, WP_URL: 'http://127.0.0.1:8888', BRIDGE_SHARED_SECRET: SECRET, PORT: String(port), BRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'bridge-setup-')), LOG_LEVEL: 'silent' });
	const { app } = createApp(config);
	server = await new Promise((resolve) => { const s = app.listen(port, '127.0.0.1', () => resolve(s)); });
});
after(async () => {
	server.closeAllConnections();
	server.close();
	await idp.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field; the bridge's own types are the steps' return types.
type Body = Record<string, any>;

/** Listens on a free loopback port; the server's URL. */
async function listen(s: Server): Promise<string> {
	await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}
type Answer = { status: number; body: Body };

async function step(name: string, body: Record<string, unknown>, signature?: string | null): Promise<Answer> {
	const path = `/setup/${name}`;
	const text = JSON.stringify(body);
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature !== null) headers[SIGNATURE_HEADER] = signature ?? sign(SECRET, { method: 'POST', path, body: text });
	const res = await fetch(`${bridgeUrl}${path}`, { method: 'POST', headers, body: text });
	const answer = await res.text();
	if (res.status !== 401 && res.status !== 404) {
		assert.ok(verify(SECRET, res.headers.get(SIGNATURE_HEADER) ?? undefined, { method: RESPONSE, path, body: answer }).ok, 'the answer is signed');
	}
	return { status: res.status, body: JSON.parse(answer) as Body };
}

const admin = () => createManagementApi('default', { clientId: 'wordpress-setup', clientSecret: 'local-setup-secret', baseUrl: idp.url, apiIndicator: 'https://default.logto.app/api' }).apiClient;

test('setup calls must be signed by WordPress; unknown steps do not exist', async () => {
	assert.equal((await step('connect', { logto, siteUrl: SITE }, null)).status, 401);
	assert.equal((await step('connect', { logto, siteUrl: SITE }, sign(SECRET, { method: 'POST', path: '/setup/roles', body: '{}' }))).status, 401, 'a signature for another step does not count');
	assert.equal((await step('delete-everything', { logto })).status, 404);
	assert.equal((await step('connect', { logto: { ...logto, endpoint: 'javascript:alert(1)' }, siteUrl: SITE })).body.error, 'invalid_request');
});

test('connect names what is wrong: secret, role, app type, resource, Logto unreachable', async () => {
	forgetTokens();
	const wrong = await step('connect', { logto: { ...logto, appSecret: 'not-the-secret' }, siteUrl: SITE });
	assert.equal(wrong.status, 401);
	assert.equal(wrong.body.error, 'm2m_credentials_wrong');
	assert.match(wrong.body.message, /app ID or app secret/);

	const { data: bare } = await admin().POST('/api/applications', { body: { name: 'No role', type: 'MachineToMachine' } });
	const { data: bareSecrets } = await admin().GET('/api/applications/{id}/secrets', { params: { path: { id: bare!.id } } });
	const noRole = await step('connect', { logto: { ...logto, appId: bare!.id, appSecret: bareSecrets![0]!.value }, siteUrl: SITE });
	assert.equal(noRole.status, 403);
	assert.equal(noRole.body.error, 'm2m_role_missing');
	assert.match(noRole.body.message, /Logto Management API access/);

	const { data: web } = await admin().POST('/api/applications', { body: { name: 'A web app', type: 'Traditional' } });
	const { data: webSecrets } = await admin().GET('/api/applications/{id}/secrets', { params: { path: { id: web!.id } } });
	assert.equal((await step('connect', { logto: { ...logto, appId: web!.id, appSecret: webSecrets![0]!.value }, siteUrl: SITE })).body.error, 'not_m2m_app');

	assert.equal((await step('connect', { logto: { ...logto, resource: 'https://tenant.example/api' }, siteUrl: SITE })).body.error, 'resource_wrong');
	const nobody = `http://127.0.0.1:${await freePort()}`;
	const down = await step('connect', { logto: { ...logto, endpoint: nobody }, siteUrl: SITE });
	assert.equal(down.status, 502);
	assert.equal(down.body.error, 'logto_unreachable');

	const ok = await step('connect', { logto, siteUrl: SITE });
	assert.equal(ok.status, 200, JSON.stringify(ok.body));
	assert.equal(ok.body.resource, 'https://default.logto.app/api');
	assert.deepEqual(ok.body.factories.map((f: { id: string }) => f.id).sort(), ['aliyun-short-message-service', 'tencent-short-message-service', 'twilio-short-message-service']);
	assert.equal(ok.body.phoneSignIn, false);
});

test('the M2M credentials go to https only (plain http only for a loopback Logto), and no redirect is followed with them or with the Management API token', async () => {
	const offLoopback = await step('connect', { logto: { ...logto, endpoint: 'http://auth.example.com' }, siteUrl: SITE });
	assert.equal(offLoopback.status, 400);
	assert.equal(offLoopback.body.error, 'invalid_request');
	assert.match(offLoopback.body.message, /must use https/);

	// Another origin on loopback that records whatever reaches it.
	const captured: string[] = [];
	const capture = createServer((req, res) => {
		captured.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
		res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"stolen","scope":"all"}');
	});
	const captureUrl = await listen(capture);
	// A "Logto" whose token endpoint redirects there, and one whose Management API does.
	const redirectsToken = createServer((req, res) => res.writeHead(307, { location: `${captureUrl}${req.url}` }).end());
	const redirectsApi = createServer((req, res) => {
		if (req.url === '/oidc/token') res.writeHead(200, { 'content-type': 'application/json' }).end('{"access_token":"mapi-token","scope":"all","expires_in":3600}');
		else res.writeHead(307, { location: `${captureUrl}${req.url}` }).end();
	});
	try {
		forgetTokens();
		const token = await step('connect', { logto: { ...logto, endpoint: await listen(redirectsToken) }, siteUrl: SITE });
		assert.equal(token.status, 502);
		assert.match(token.body.message, /redirected/);
		const api = await step('connect', { logto: { ...logto, endpoint: await listen(redirectsApi) }, siteUrl: SITE }).catch((error: unknown) => error);
		assert.deepEqual(captured, [], 'nothing reached the other origin');
		assert.equal((api as Answer).status, 502);
	} finally {
		for (const s of [capture, redirectsToken, redirectsApi]) s.close();
		forgetTokens();
	}
});

test('the WordPress app: previewed, created once with the usable secret, found again, fixed only after confirmation', async () => {
	const preview = await step('application', { logto, siteUrl: SITE });
	assert.equal(preview.status, 200);
	assert.equal(preview.body.applied, false);
	assert.deepEqual(preview.body.changes.map((c: { field: string }) => c.field), ['application', 'redirectUris', 'postLogoutRedirectUris', 'backchannelLogoutUri', 'backchannelLogoutSessionRequired']);
	const { data: none } = await admin().GET('/api/applications', { params: { query: { types: ['Traditional'] } } });
	const countBefore = none!.length;

	const created = await step('application', { logto, siteUrl: SITE, apply: true });
	assert.equal(created.body.applied, true);
	const { id } = created.body.app;
	const secret: string = created.body.secret;
	assert.ok(secret && !secret.startsWith('#internal'), 'the usable secret, not the internal one');
	const { data: app } = await admin().GET('/api/applications/{id}', { params: { path: { id } } });
	assert.deepEqual(app!.oidcClientMetadata, {
		redirectUris: [`${bridgeUrl}/callback`],
		postLogoutRedirectUris: [`${bridgeUrl}/sign-out/callback`],
		backchannelLogoutUri: `${bridgeUrl}/backchannel-logout`,
		backchannelLogoutSessionRequired: true,
	});
	// The secret authenticates: the token endpoint gets past client authentication (and then
	// refuses a web app the client-credentials grant, 400), where a wrong secret gets 401.
	const token = (s: string) =>
		fetch(`${idp.url}/oidc/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${id}:${s}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
	assert.equal((await token(secret)).status, 400);
	assert.equal((await token('wrong')).status, 401);

	const again = await step('application', { logto, siteUrl: SITE, apply: true });
	assert.equal(again.body.app.id, id, 'the marked app is found again');
	assert.deepEqual(again.body.changes, []);
	assert.equal(again.body.applied, false);
	assert.equal(again.body.secret, secret);
	const { data: after } = await admin().GET('/api/applications', { params: { query: { types: ['Traditional'] } } });
	assert.equal(after!.length, countBefore + 1, 'one app, however often it runs');

	// Someone changed the back-channel URI in Logto Console: shown as an overwrite, applied only when confirmed.
	await admin().PATCH('/api/applications/{id}', { params: { path: { id } }, body: { oidcClientMetadata: { ...(app!.oidcClientMetadata as object), backchannelLogoutUri: 'https://other.example/logout' } as never } });
	const drift = await step('application', { logto, siteUrl: SITE });
	assert.deepEqual(drift.body.changes, [{ field: 'backchannelLogoutUri', from: 'https://other.example/logout', to: `${bridgeUrl}/backchannel-logout`, replaces: true }]);
	const refused = await step('application', { logto, siteUrl: SITE, apply: true });
	assert.equal(refused.status, 409);
	assert.equal(refused.body.error, 'confirmation_needed');
	const { data: untouched } = await admin().GET('/api/applications/{id}', { params: { path: { id } } });
	assert.equal(untouched!.oidcClientMetadata.backchannelLogoutUri, 'https://other.example/logout');
	const confirmed = await step('application', { logto, siteUrl: SITE, apply: true, confirm: true });
	assert.equal(confirmed.body.applied, true);
	const { data: fixed } = await admin().GET('/api/applications/{id}', { params: { path: { id } } });
	assert.equal(fixed!.oidcClientMetadata.backchannelLogoutUri, `${bridgeUrl}/backchannel-logout`);
});

test('the SMS connector: created, test message sent through it, blank secrets kept, another provider only when confirmed', async () => {
	const factoryId = 'tencent-short-message-service';
	const created = await step('sms', { logto, factoryId, config: tencentConfig(), apply: true });
	assert.equal(created.status, 200, JSON.stringify(created.body));
	assert.equal(created.body.applied, true);
	const connect = await step('connect', { logto, siteUrl: SITE });
	assert.equal(connect.body.sms.factoryId, factoryId);
	assert.equal(connect.body.sms.config.accessKeySecret, undefined, 'secrets never go back to WordPress');
	assert.equal(connect.body.sms.config.accessKeyId, 'AKIDlocal');

	const same = await step('sms', { logto, factoryId, config: tencentConfig(''), apply: true });
	assert.deepEqual(same.body.changes, [], 'a blank secret keeps the stored one');
	const { data: stored } = await admin().GET('/api/connectors');
	assert.equal(stored![0]!.config.accessKeySecret, 'tencent-secret');

	const sent = await step('sms-test', { logto, factoryId, config: tencentConfig(''), phone: '+86 138 0013 8333' });
	assert.equal(sent.status, 200, JSON.stringify(sent.body));
	assert.equal(lastCode(idp.config.sms.outbox, '+8613800138333'), '000000');
	const record = readFileSync(join(idp.config.dataDir, 'sms-sandbox.jsonl'), 'utf8').trim().split('\n').at(-1)!;
	assert.match(record, /TC3-HMAC-SHA256 Credential=AKIDlocal/);
	const refused = await step('sms-test', { logto, factoryId, config: { ...tencentConfig(), sdkAppId: undefined }, phone: '+8613800138333' });
	assert.equal(refused.body.error, 'logto_refused');
	assert.match(refused.body.message, /sdkAppId/);
	// The provider refuses the credentials: Logto answers 500, the bridge names it.
	const unsent = await step('sms-test', { logto, factoryId, config: { ...tencentConfig(), accessKeyId: 'AKIDrefused' }, phone: '+8613800138333' });
	assert.equal(unsent.status, 502);
	assert.equal(unsent.body.error, 'sms_not_sent');
	assert.match(unsent.body.message, /SecretId is not found/);

	const twilio = { accountSID: 'AC1', authToken: 't', fromMessagingServiceSID: 'MG1', templates: [{ usageType: 'Generic', content: '{{code}}' }] };
	const swap = await step('sms', { logto, factoryId: 'twilio-short-message-service', config: twilio, apply: true });
	assert.equal(swap.status, 409, 'replacing the provider needs a confirmation');
	const { data: still } = await admin().GET('/api/connectors');
	assert.equal(still![0]!.connectorId, factoryId);
});

test('with a username-only user in Logto no plan satisfies both: applying without a choice is refused, and nothing changes', async (t) => {
	const uma = idp.accounts.create({ phone: null, username: 'uma', roles: [] });
	t.after(() => idp.accounts.update(uma.id, { phone: '+8613800138444' })); // the next test starts with every user on a phone
	const preview = await step('sign-in', { logto });
	assert.deepEqual([preview.body.satisfiesBoth, preview.body.choices[0].existing], [false, { fields: ['phone'], count: 1, exact: true }]);
	const refused = await step('sign-in', { logto, apply: true, confirm: true });
	assert.deepEqual([refused.status, refused.body.error], [409, 'choice_needed']);
	assert.deepEqual((await admin().GET('/api/sign-in-exp')).data!.signUp.identifiers, ['username'], 'nothing applied');
});

test('phone sign-in on a fresh self-hosted tenant: the code-only plan is shown in fields, needs a confirmation (it turns the sign-up password off), and is applied once', async () => {
	const preview = await step('sign-in', { logto });
	assert.deepEqual(preview.body.before.signUp, { identifiers: ['username'], password: true, verify: false });
	assert.equal(preview.body.newPhoneNow, null);
	assert.equal(preview.body.satisfiesBoth, true, 'every user in Logto has a phone number');
	assert.deepEqual(preview.body.after.signUp, { identifiers: ['phone'], password: false, verify: true });
	assert.deepEqual(preview.body.after.signIn.methods.map((m: { identifier: string }) => m.identifier), ['username', 'phone']);
	assert.equal(preview.body.applied, false);
	assert.equal((await step('sign-in', { logto, apply: true })).status, 409, 'turning the password off needs a confirmation');
	const applied = await step('sign-in', { logto, apply: true, confirm: true });
	assert.equal(applied.body.applied, true);
	assert.equal(applied.body.chosen, 'code_only');
	const { data: exp } = await admin().GET('/api/sign-in-exp');
	assert.deepEqual(exp!.signUp, { identifiers: ['phone'], password: false, verify: true });
	const again = await step('sign-in', { logto, apply: true });
	assert.deepEqual(again.body.changes, []);
	assert.equal((await step('connect', { logto, siteUrl: SITE })).body.phoneSignIn, true);
});

test('roles: created once, found the next time', async () => {
	const wanted = { roles: [{ name: 'wordpress:editor', description: 'WordPress editor', isDefault: true }] };
	const first = await step('roles', { logto, ...wanted, apply: true });
	assert.equal(first.body.roles[0].created, true);
	const second = await step('roles', { logto, ...wanted, apply: true });
	assert.equal(second.body.roles[0].created, false);
	assert.equal(second.body.roles[0].id, first.body.roles[0].id);
	assert.deepEqual(second.body.changes, []);
});

test('the API resource for apps: planned, then created with wp:read and wp:write and a role granting both, a default role only when asked; nothing twice', async () => {
	const indicator = 'http://127.0.0.1:8888/wp-json';
	const plan = await step('api', { logto, indicator });
	assert.equal(plan.status, 200, JSON.stringify(plan.body));
	assert.deepEqual(
		plan.body.changes.map((c: Body) => [c.field, c.to]),
		[
			['apiResource', indicator],
			['apiResource.scopes', 'wp:read'],
			['apiResource.scopes', 'wp:write'],
			['role', 'wordpress:app'],
			['role.wordpress:app.scopes', 'wp:read, wp:write'],
		],
	);
	assert.equal(plan.body.applied, false);
	assert.deepEqual((await step('api', { logto, indicator, defaultRole: true })).body.changes.map((c: Body) => c.field).filter((f: string) => f.startsWith('role')), ['role.default', 'role.wordpress:app.scopes'], 'opting in says so');
	assert.equal((await admin().GET('/api/resources')).data?.some((r) => r.indicator === indicator), false, 'a plan changes nothing');

	const applied = await step('api', { logto, indicator, apply: true });
	assert.equal(applied.body.applied, true);
	const resource = (await admin().GET('/api/resources', { params: { query: { includeScopes: 'true' } } })).data!.find((r) => r.indicator === indicator)!;
	assert.deepEqual(resource.scopes?.map((s) => s.name), ['wp:read', 'wp:write']);
	const role = (await admin().GET('/api/roles')).data!.find((r) => r.name === 'wordpress:app')!;
	assert.equal(role.isDefault, false, 'not every new user of the tenant: only when the admin opts in');
	const granted = (await admin().GET('/api/roles/{id}/scopes', { params: { path: { id: role.id } } })).data!;
	assert.deepEqual(granted.map((s) => [s.name, s.resourceId]), [['wp:read', resource.id], ['wp:write', resource.id]]);

	const again = await step('api', { logto, indicator, apply: true });
	assert.deepEqual(again.body.changes, []);
	assert.equal(again.body.resource.id, resource.id);
	assert.equal((await step('api', { logto, indicator: 'not a url' })).status, 400);
});
