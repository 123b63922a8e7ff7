// Manual check, not part of npm test: runs every setup step of the wizard (the bridge's own
// code) against a real Logto, e.g. one built as ../shared/real-logto.md describes, and prints
// what each answered. LOGTO_ENDPOINT, LOGTO_M2M_ID, LOGTO_M2M_SECRET (defaults: that guide's).
// Run: node --import tsx bridge/test/manual/real-logto-setup.ts
import { existsSync, readFileSync } from 'node:fs';
import { createApiClient } from '@logto/api/management';
import { forgetTokens, managementToken, SetupError } from '../../src/setup/management-session.js';
import * as steps from '../../src/setup/steps.js';

const endpoint = process.env.LOGTO_ENDPOINT ?? 'http://127.0.0.1:3301';
const access = { endpoint, appId: process.env.LOGTO_M2M_ID ?? 'm2madminreallogto', appSecret: process.env.LOGTO_M2M_SECRET ?? 'm2msecretreallogto0123456789abcdef' };
const uris = { redirectUri: 'http://127.0.0.1:3010/callback', postSignOutRedirectUri: 'http://127.0.0.1:3010/sign-out/callback', backchannelLogoutUri: 'http://127.0.0.1:3010/backchannel-logout' };
const site = 'http://127.0.0.1:8890/';
const out = (label: string, v: unknown) => console.log(`## ${label}\n${JSON.stringify(v, null, 1).slice(0, 1500)}`);
const code = async (label: string, p: Promise<unknown>) => { try { out(label, await p); } catch (e) { out(label + ' ERROR', e instanceof SetupError ? { code: e.code, status: e.status, message: e.message } : String(e)); } };

const { token } = await managementToken(access);
const admin = createApiClient({ baseUrl: endpoint, getToken: async () => token });

const c = await steps.connect(access, site);
out('connect', { resource: c.resource, factories: c.factories.map((f) => [f.id, f.formItems.map((i) => `${i.key}${i.isConfidential ? '*' : ''}`)]), sms: c.sms, signIn: c.signIn, phoneSignIn: c.phoneSignIn, roles: c.roles, apps: c.applications });
await code('wrong secret', steps.connect({ ...access, appSecret: 'nope' }, site));
const bare = (await admin.POST('/api/applications', { body: { name: 'no role', type: 'MachineToMachine' } })).data!;
const bareSecret = (await admin.GET('/api/applications/{id}/secrets', { params: { path: { id: bare.id } } })).data![0]!.value;
await code('no role', steps.connect({ endpoint, appId: bare.id, appSecret: bareSecret }, site));
const web = (await admin.POST('/api/applications', { body: { name: 'web', type: 'Traditional' } })).data!;
const webSecret = (await admin.GET('/api/applications/{id}/secrets', { params: { path: { id: web.id } } })).data![0]!.value;
await code('traditional creds', steps.connect({ endpoint, appId: web.id, appSecret: webSecret }, site));
await code('resource wrong', steps.connect({ ...access, resource: 'https://x.example/api' }, site));

await code('app preview', steps.application(access, { siteUrl: site, uris, apply: false }));
const created = await steps.application(access, { siteUrl: site, uris, apply: true });
out('app created', { ...created, secret: created.secret?.slice(0, 4) + '…' });
const tokenRes = await fetch(`${endpoint}/oidc/token`, { method: 'POST', headers: { authorization: `Basic ${Buffer.from(`${created.app!.id}:${created.secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
out('usable secret authenticates', { status: tokenRes.status, body: await tokenRes.text() });
const again = await steps.application(access, { siteUrl: site, uris, apply: true });
out('app again', { app: again.app, changes: again.changes, applied: again.applied, sameSecret: again.secret === created.secret });
const real = (await admin.GET('/api/applications/{id}', { params: { path: { id: created.app!.id } } })).data!;
out('app in logto', { oidc: real.oidcClientMetadata, customData: real.customData });
await admin.PATCH('/api/applications/{id}', { params: { path: { id: created.app!.id } }, body: { oidcClientMetadata: { ...(real.oidcClientMetadata as object), backchannelLogoutUri: 'https://other.example/logout' } as never } });
await code('drift apply unconfirmed', steps.application(access, { siteUrl: site, uris, apply: true }));
await code('drift confirmed', steps.application(access, { siteUrl: site, uris, apply: true, confirm: true }).then((r) => ({ changes: r.changes, applied: r.applied })));

const mock = { accountSID: 'AC1', authToken: 'mock-token', fromMessagingServiceSID: 'MG1', templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, content: '{{code}}' })) };
await code('sign-in before connector (preview)', steps.phoneSignIn(access, { apply: false }).then((r) => ({ before: r.before.signIn, after: r.after, changes: r.changes })));
await code('sign-in apply w/o connector', steps.phoneSignIn(access, { apply: true }));
await code('mock sms create', steps.smsConnector(access, { factoryId: 'mock-short-message-service', config: mock, apply: true }));
await code('mock sms again, blank token', steps.smsConnector(access, { factoryId: 'mock-short-message-service', config: { ...mock, authToken: '' }, apply: true }));
await code('mock sms test', steps.smsTest(access, { factoryId: 'mock-short-message-service', config: { ...mock, authToken: '' }, phone: '+86 138 0013 8999' }));
if (existsSync('/tmp/logto_mock_sms_record.txt')) out('mock record', readFileSync('/tmp/logto_mock_sms_record.txt', 'utf8').trim().split('\n').at(-1));
await code('tencent bad config', steps.smsTest(access, { factoryId: 'tencent-short-message-service', config: { accessKeyId: 'x' }, phone: '8613800138999' }));
await code('tencent replace unconfirmed', steps.smsConnector(access, { factoryId: 'tencent-short-message-service', config: { accessKeyId: 'a', accessKeySecret: 'b', signName: 'c', sdkAppId: '1', region: 'ap-guangzhou', templates: [{ usageType: 'Generic', templateCode: '1' }] }, apply: true }));
await code('sign-in apply', steps.phoneSignIn(access, { apply: true }).then((r) => ({ after: r.after, changes: r.changes, applied: r.applied })));
await code('sign-in again', steps.phoneSignIn(access, { apply: true }).then((r) => ({ changes: r.changes, applied: r.applied })));
await code('roles', steps.roles(access, { roles: [{ name: 'wordpress:editor', description: 'WordPress editor', isDefault: true }], apply: true }));
await code('roles again', steps.roles(access, { roles: [{ name: 'wordpress:editor', description: 'WordPress editor', isDefault: true }], apply: true }));
const api = `${site}wp-json`;
await code('api preview', steps.apiResource(access, { indicator: api, apply: false }));
await code('api apply', steps.apiResource(access, { indicator: api, apply: true }));
await code('api again', steps.apiResource(access, { indicator: api, apply: true }));
const resource = (await admin.GET('/api/resources', { params: { query: { includeScopes: 'true' } } })).data!.find((r) => r.indicator === api);
const appRole = (await admin.GET('/api/roles')).data!.find((r) => r.name === 'wordpress:app');
out('api in logto', { resource: resource && { indicator: resource.indicator, scopes: resource.scopes?.map((x) => x.name) }, role: appRole && { isDefault: appRole.isDefault, scopes: (await admin.GET('/api/roles/{id}/scopes', { params: { path: { id: appRole.id } } })).data!.map((x) => x.name) } });
forgetTokens();
