// Manual check, not part of npm test: on a real Logto started fresh (../shared/real-logto.md,
// its own default sign-up), the wizard's phone step plans and applies the code-only sign-up, and
// a new phone visitor then signs up through Logto's own experience API with the number and the
// code alone (no "Set username", no "Set password"). Needs Logto's mock SMS connector linked.
// Run: node --import tsx bridge/test/manual/real-logto-phone-plan.ts
import { readFileSync } from 'node:fs';
import { createApiClient } from '@logto/api/management';
import { managementToken } from '../../src/setup/management-session.js';
import * as steps from '../../src/setup/steps.js';

const endpoint = process.env.LOGTO_ENDPOINT ?? 'http://127.0.0.1:3301';
const access = { endpoint, appId: process.env.LOGTO_M2M_ID ?? 'm2madminreallogto', appSecret: process.env.LOGTO_M2M_SECRET ?? 'm2msecretreallogto0123456789abcdef' };
const { token } = await managementToken(access);
const admin = createApiClient({ baseUrl: endpoint, getToken: async () => token });
const out = (label: string, v: unknown) => console.log(`## ${label}\n${JSON.stringify(v, null, 1).slice(0, 2500)}`);

if (!(await admin.GET('/api/connectors')).data?.some((c) => c.type === 'Sms')) {
	const templates = ['SignIn', 'Register', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, content: '{{code}}' }));
	await admin.POST('/api/connectors', { body: { connectorId: 'mock-short-message-service', config: { accountSID: 'x', authToken: 'x', fromMessagingServiceSID: 'x', templates } } });
}
const before = `before${Date.now() % 100000}`;
await admin.POST('/api/users', { body: { username: before, password: 'Correct-Horse-42!' } as never });
const preview = await steps.phoneSignIn(access, { apply: false });
out('plan on this Logto', { before: preview.before.signUp, newPhoneNow: preview.newPhoneNow, satisfiesBoth: preview.satisfiesBoth, choices: preview.choices.map((c) => ({ id: c.id, signUp: c.after.signUp, newPhone: c.newPhone, existing: c.existing, notes: c.notes })) });
const applied = await steps.phoneSignIn(access, { apply: true, confirm: true, choice: 'code_only' });
out('applied', { applied: applied.applied, signUp: (await admin.GET('/api/sign-in-exp')).data?.signUp });

// A new phone visitor through Logto's experience API, as its sign-in page drives it.
const app = (await admin.POST('/api/applications', { body: { name: `phone-plan-${Date.now()}`, type: 'Traditional', oidcClientMetadata: { redirectUris: ['http://127.0.0.1:9/cb'], postLogoutRedirectUris: [] } as never } })).data!;
const jar = new Map<string, string>();
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
async function http(url: string, init: RequestInit = {}) {
	const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: cookie(), 'content-type': 'application/json' } });
	for (const c of res.headers.getSetCookie()) jar.set(c.split('=')[0]!, c.split('=')[1]!.split(';')[0]!);
	return res;
}
await http(`${endpoint}/oidc/auth?client_id=${app.id}&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}&scope=openid&prompt=login&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`);
const phone = `1201555${String(Date.now()).slice(-4)}`;
await http(`${endpoint}/api/experience`, { method: 'PUT', body: JSON.stringify({ interactionEvent: 'SignIn' }) });
const sent = await (await http(`${endpoint}/api/experience/verification/verification-code`, { method: 'POST', body: JSON.stringify({ identifier: { type: 'phone', value: phone }, interactionEvent: 'SignIn' }) })).json() as { verificationId: string };
const code = JSON.parse(readFileSync('/tmp/logto_mock_sms_record.txt', 'utf8')).code as string;
await http(`${endpoint}/api/experience/verification/verification-code/verify`, { method: 'POST', body: JSON.stringify({ identifier: { type: 'phone', value: phone }, verificationId: sent.verificationId, code }) });
const identify = await http(`${endpoint}/api/experience/identification`, { method: 'POST', body: JSON.stringify({ verificationId: sent.verificationId }) });
out('sign in with an unknown number', { status: identify.status, body: await identify.text() });
// The page's "create a new account?" Continue: switch to Register and identify again.
await http(`${endpoint}/api/experience/interaction-event`, { method: 'PUT', body: JSON.stringify({ interactionEvent: 'Register' }) });
const register = await http(`${endpoint}/api/experience/identification`, { method: 'POST', body: JSON.stringify({ verificationId: sent.verificationId }) });
out('register with the verified number', { status: register.status, body: await register.text() });
const submit = await http(`${endpoint}/api/experience/submit`, { method: 'POST' });
out('submit: no username or password asked', { status: submit.status, body: await submit.text() });

// The username user of before, by password: Logto now asks them for a phone (what the plan said).
jar.clear();
await http(`${endpoint}/oidc/auth?client_id=${app.id}&response_type=code&redirect_uri=${encodeURIComponent('http://127.0.0.1:9/cb')}&scope=openid&prompt=login&code_challenge=${'a'.repeat(43)}&code_challenge_method=S256`);
await http(`${endpoint}/api/experience`, { method: 'PUT', body: JSON.stringify({ interactionEvent: 'SignIn' }) });
const pw = await (await http(`${endpoint}/api/experience/verification/password`, { method: 'POST', body: JSON.stringify({ identifier: { type: 'username', value: before }, password: 'Correct-Horse-42!' }) })).json() as { verificationId: string };
await http(`${endpoint}/api/experience/identification`, { method: 'POST', body: JSON.stringify({ verificationId: pw.verificationId }) });
const old = await http(`${endpoint}/api/experience/submit`, { method: 'POST' });
out('the username user of before at sign-in', { status: old.status, body: await old.text() });
