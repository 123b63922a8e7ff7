import { call, type LogtoAccess } from '../management-session.js';
import type { SignInParts } from '../plans.js';
import { planPhoneSignUp } from '../sign-up-plan.js';
import { confidentialKeys, isConfidential, isSitesApp, session, signInParts, smsConnectorOf, smsFactories } from './shared.js';

/** Step 1: the credentials work; what Logto has now (apps, SMS connector, sign-in, roles). */
export async function connect(access: LogtoAccess, siteUrl: string) {
	const s = await session(access);
	const { client, endpoint } = s;
	const [apps, factories, sms, exp, roles] = await Promise.all([
		call(endpoint, client.GET('/api/applications', { params: { query: { types: ['Traditional'] } } })),
		smsFactories(s),
		smsConnectorOf(s),
		call(endpoint, client.GET('/api/sign-in-exp')),
		call(endpoint, client.GET('/api/roles')),
	]);
	const factory = sms && factories.find((f) => f.id === sms.connectorId);
	const hidden = confidentialKeys(factory, sms?.config);
	return {
		resource: s.resource,
		applications: apps.map((a) => ({ id: a.id, name: a.name, ours: isSitesApp(a, siteUrl) })),
		factories: factories.map((f) => ({ id: f.id, name: (f.name as Record<string, string>).en ?? f.id, formItems: (f.formItems ?? []).map((i) => ({ ...i, isConfidential: isConfidential(i) })) })),
		sms: sms ? { id: sms.id, factoryId: sms.connectorId, config: Object.fromEntries(Object.entries(sms.config).filter(([k]) => !hidden.has(k))) } : null,
		signIn: signInParts(exp as SignInParts),
		phoneSignIn: planPhoneSignUp(exp as SignInParts, { users: [], total: 0 }).choices[0]!.changes.length === 0,
		roles: roles.filter((r) => r.type === 'User').map((r) => ({ id: r.id, name: r.name, isDefault: r.isDefault })),
	};
}
