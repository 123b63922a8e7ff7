// Manual check, not part of npm test: which origins a real Logto lets call its token endpoint from a
// browser for a Native app (the idp's clientBasedCORS copies this; idp/test/api-access-tokens.test.ts
// asserts the same). Logto 1.37.1 answered: the redirect URI's origin, a listed corsAllowedOrigins
// entry and its own origin get Access-Control-Allow-Origin; https://evil.example and an unlisted
// capacitor://localhost do not (400 invalid_request). Run: node --import tsx bridge/test/manual/real-logto-cors.ts
import { createApiClient } from '@logto/api/management';
import { managementToken } from '../../src/setup/management-session.js';
const endpoint = process.env.LOGTO_ENDPOINT ?? 'http://127.0.0.1:3301';
const access = { endpoint, appId: process.env.LOGTO_M2M_ID ?? 'm2madminreallogto', appSecret: process.env.LOGTO_M2M_SECRET ?? 'm2msecretreallogto0123456789abcdef' };
const { token } = await managementToken(access);
const admin = createApiClient({ baseUrl: endpoint, getToken: async () => token });
const app = (await admin.POST('/api/applications', { body: { name: 'cors check', type: 'Native', oidcClientMetadata: { redirectUris: ['http://127.0.0.1:3999/callback', 'io.logto.wordpress://callback'], postLogoutRedirectUris: [] } as never } })).data!;
const call = async (origin: string) => {
	const res = await fetch(`${endpoint}/oidc/token`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'none', client_id: app.id }) });
	return `${res.status} ${res.headers.get('access-control-allow-origin')} ${(await res.text()).slice(0, 80)}`;
};
const pre = async (origin: string) => (await fetch(`${endpoint}/oidc/token`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } })).headers.get('access-control-allow-origin');
console.log('preflight any', await pre('https://evil.example'));
console.log('redirect origin', await call('http://127.0.0.1:3999'));
console.log('evil', await call('https://evil.example'));
console.log('capacitor unlisted', await call('capacitor://localhost'));
await admin.PATCH('/api/applications/{id}', { params: { path: { id: app.id } }, body: { customClientMetadata: { corsAllowedOrigins: ['capacitor://localhost'] } } });
console.log('capacitor listed', await call('capacitor://localhost'));
console.log('own origin', await call(endpoint));
