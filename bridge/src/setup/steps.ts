import { API_SCOPES, APP_ROLE } from '@logto-bridge/contract';

import { call, managementClient, SetupError, type LogtoAccess, type ManagementClient } from './management-session.js';
import { configChanges, marker, MARKER_KEY, planAppMetadata, type Change, type OidcMetadata, type SignInParts, type SiteUris } from './plans.js';
import { planPhoneSignUp, type Census, type ListedUser } from './sign-up-plan.js';

// The wizard's steps, each one call from WordPress: read what Logto has, work out the changes,
// and apply them only when asked (and, for an overwrite or a replacement, confirmed).

type Session = { client: ManagementClient; endpoint: string };
type Apply = { apply: boolean; confirm?: boolean | undefined };

async function session(access: LogtoAccess): Promise<Session & { resource: string }> {
	const { client, resource } = await managementClient(access);
	return { client, resource, endpoint: access.endpoint };
}

/** Confidential connector fields: never sent back to WordPress, kept when left blank. */
const isConfidential = (item: { key: string; isConfidential?: boolean }) => item.isConfidential === true || SECRET_KEY.test(item.key);
// By name too: a factory may list no form items at all (Logto's mock SMS connector has none).
const SECRET_KEY = /secret|token|password/i;
const secretKeysOf = (...configs: Array<Record<string, unknown> | undefined>) => configs.flatMap((c) => Object.keys(c ?? {})).filter((k) => SECRET_KEY.test(k));
/** A factory's confidential fields, and any secret-named key of these configs. */
const confidentialKeys = (factory: { formItems?: Array<{ key: string; isConfidential?: boolean }> } | undefined, ...configs: Array<Record<string, unknown> | undefined>) =>
	new Set([...(factory?.formItems ?? []).filter(isConfidential).map((i) => i.key), ...secretKeysOf(...configs)]);

/** Whether an app is the one the wizard marked for this site (customData.logtoBridge.site). */
const isSitesApp = (app: { customData: Record<string, unknown> }, siteUrl: string) => (app.customData[MARKER_KEY] as { site?: unknown } | undefined)?.site === siteUrl;

const needsConfirmation = (changes: Change[]) => changes.some((c) => c.replaces);

function guardApply(changes: Change[], { apply, confirm }: Apply): boolean {
	if (!apply) return false;
	if (needsConfirmation(changes) && !confirm) {
		throw new SetupError('confirmation_needed', 'This changes or replaces something in Logto; confirm it on screen first.');
	}
	return changes.length > 0;
}

async function smsFactories({ client, endpoint }: Session) {
	const factories = await call(endpoint, client.GET('/api/connector-factories'));
	return factories.filter((f) => f.type === 'Sms');
}

async function smsConnectorOf({ client, endpoint }: Session) {
	const connectors = await call(endpoint, client.GET('/api/connectors'));
	return connectors.find((c) => c.type === 'Sms');
}

const signInParts = (exp: SignInParts): SignInParts => ({ signIn: exp.signIn, signUp: exp.signUp, signInMode: exp.signInMode });

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

/**
 * Step 2: the WordPress app. The one this site marked before, the one the admin picked, or a
 * new Traditional web app; its URIs as the site needs them; then its usable secret.
 */
export async function application(access: LogtoAccess, input: { siteUrl: string; uris: SiteUris; appId?: string | undefined; name?: string | undefined } & Apply) {
	const s = await session(access);
	const { client, endpoint } = s;
	let app;
	if (input.appId) {
		app = await call(endpoint, client.GET('/api/applications/{id}', { params: { path: { id: input.appId } } }));
		if (app.type !== 'Traditional') throw new SetupError('invalid_request', `"${app.name}" is a ${app.type} app; WordPress needs a Traditional web app.`);
	} else {
		const apps = await call(endpoint, client.GET('/api/applications', { params: { query: { types: ['Traditional'] } } }));
		app = apps.find((a) => isSitesApp(a, input.siteUrl));
	}
	const name = input.name?.trim() || 'WordPress';
	if (!app) {
		const { metadata, changes } = planAppMetadata(undefined, input.uris);
		const all: Change[] = [{ field: 'application', from: null, to: `${name} (Traditional web app)`, replaces: false }, ...changes];
		if (!guardApply(all, input)) return { app: null, changes: all, applied: false };
		const created = await call(
			endpoint,
			client.POST('/api/applications', {
				body: { name, type: 'Traditional', oidcClientMetadata: metadata as never, customData: { [MARKER_KEY]: marker(input.siteUrl) } },
			}),
		);
		return { app: { id: created.id, name: created.name }, changes: all, applied: true, secret: await usableSecret(s, created.id) };
	}
	const { metadata, changes } = planAppMetadata(app.oidcClientMetadata as unknown as OidcMetadata, input.uris);
	if (!isSitesApp(app, input.siteUrl)) changes.push({ field: `customData.${MARKER_KEY}`, from: app.customData[MARKER_KEY] ?? null, to: marker(input.siteUrl), replaces: app.customData[MARKER_KEY] !== undefined });
	const target = { id: app.id, name: app.name };
	if (guardApply(changes, input)) {
		await call(
			endpoint,
			client.PATCH('/api/applications/{id}', {
				params: { path: { id: app.id } },
				body: { oidcClientMetadata: metadata as never, customData: { ...app.customData, [MARKER_KEY]: marker(input.siteUrl) } },
			}),
		);
	}
	if (!input.apply) return { app: target, changes, applied: false };
	return { app: target, changes, applied: changes.length > 0, secret: await usableSecret(s, app.id) };
}

/** The secret a client authenticates with: listed under /secrets, not the app's `#internal:` one. */
async function usableSecret({ client, endpoint }: Session, id: string): Promise<string> {
	const secrets = await call(endpoint, client.GET('/api/applications/{id}/secrets', { params: { path: { id } } }));
	const live = secrets.find((x) => x.expiresAt === null || x.expiresAt > Date.now());
	if (!live) throw new SetupError('logto_refused', 'The app has no secret that has not expired. Add one in Logto Console > Applications > the app > Endpoints & Credentials.');
	return live.value;
}

/** The config to send: blank confidential fields keep the values of the same provider's connector. */
function mergedConfig(config: Record<string, unknown>, existing: { connectorId: string; config: Record<string, unknown> } | undefined, factoryId: string, hidden: Set<string>) {
	const merged = { ...config };
	for (const key of hidden) {
		if ((merged[key] === undefined || merged[key] === '') && existing?.connectorId === factoryId && existing.config[key] !== undefined) merged[key] = existing.config[key];
	}
	return merged;
}

async function smsContext(s: Session, factoryId: string, config: Record<string, unknown>) {
	const factories = await smsFactories(s);
	const factory = factories.find((f) => f.id === factoryId);
	if (!factory) throw new SetupError('invalid_request', `Logto has no SMS connector "${factoryId}". It offers: ${factories.map((f) => f.id).join(', ') || 'none'}.`);
	const existing = await smsConnectorOf(s);
	const hidden = confidentialKeys(factory, existing?.config, config);
	return { factory, hidden, existing, config: mergedConfig(config, existing, factoryId, hidden) };
}

/** Step 3a: the SMS connector. Logto keeps one: another provider's replaces it, once confirmed. */
export async function smsConnector(access: LogtoAccess, input: { factoryId: string; config: Record<string, unknown> } & Apply) {
	const s = await session(access);
	const { client, endpoint } = s;
	const { hidden, existing, config } = await smsContext(s, input.factoryId, input.config);
	let changes: Change[];
	if (!existing) changes = [{ field: 'connector', from: null, to: input.factoryId, replaces: false }, ...configChanges({}, config, hidden)];
	else if (existing.connectorId !== input.factoryId) changes = [{ field: 'connector', from: existing.connectorId, to: input.factoryId, replaces: true }];
	else changes = configChanges(existing.config, config, hidden);
	if (!guardApply(changes, input)) return { changes, applied: false, connector: existing ? { id: existing.id, factoryId: existing.connectorId } : null };
	const saved =
		existing && existing.connectorId === input.factoryId
			? await call(endpoint, client.PATCH('/api/connectors/{id}', { params: { path: { id: existing.id } }, body: { config } }))
			: await call(endpoint, client.POST('/api/connectors', { body: { connectorId: input.factoryId, config } }));
	return { changes, applied: true, connector: { id: saved.id, factoryId: saved.connectorId } };
}

/** Step 3b: Logto's connector test sends one message with code 000000 to the number given. */
export async function smsTest(access: LogtoAccess, input: { factoryId: string; config: Record<string, unknown>; phone: string }) {
	const s = await session(access);
	const { config } = await smsContext(s, input.factoryId, input.config);
	// Logto's test endpoint takes the number as digits with the country code, no "+".
	const phone = input.phone.replace(/[\s()+-]/g, '');
	if (!/^\d{6,15}$/.test(phone)) throw new SetupError('invalid_request', 'Type the number with its country code, e.g. +86 138 0013 8000.');
	try {
		await call(s.endpoint, s.client.POST('/api/connectors/{factoryId}/test', { params: { path: { factoryId: input.factoryId } }, body: { phone, config } }));
	} catch (error) {
		// Logto answers 500 when the provider cannot be reached or refuses the credentials.
		if (error instanceof SetupError && error.code === 'logto_error') throw new SetupError('sms_not_sent', error.message.replace(/^Logto answered /, ''));
		throw error;
	}
	return { sent: true };
}

/** Users read to tell the admin who a change would ask for something new (pages of 100, up to 1,000). */
async function census({ client, endpoint }: Session): Promise<Census> {
	const users: ListedUser[] = [];
	let total = 0;
	for (let page = 1; page <= 10; page++) {
		const request = client.GET('/api/users', { params: { query: { page, page_size: 100 } as never } });
		const data = await call(endpoint, request);
		const { response } = await request;
		total = Number(response.headers.get('total-number') ?? data.length);
		users.push(...(data as ListedUser[]));
		if (users.length >= total || data.length < 100) break;
	}
	return { users, total: Math.max(total, users.length) };
}

/**
 * Step 3c: the sign-up that lets a phone visitor in with the number and the code. When that asks
 * nobody of today for anything new, it is the plan; otherwise the admin picks `choice`.
 */
export async function phoneSignIn(access: LogtoAccess, input: Apply & { choice?: 'code_only' | 'keep' | undefined }) {
	const s = await session(access);
	const before = signInParts((await call(s.endpoint, s.client.GET('/api/sign-in-exp'))) as SignInParts);
	const plan = planPhoneSignUp(before, await census(s));
	const chosen = plan.choices.find((c) => c.id === (input.choice ?? (plan.satisfiesBoth ? 'code_only' : undefined)));
	if (input.apply && !chosen) throw new SetupError('choice_needed', 'Choose how new phone visitors sign up: no change lets them in with the code alone while everyone of today signs in as before.');
	if (chosen && guardApply(chosen.changes, input)) {
		await call(s.endpoint, s.client.PATCH('/api/sign-in-exp', { body: { signIn: chosen.after.signIn, signUp: chosen.after.signUp as never, signInMode: chosen.after.signInMode } }));
	}
	return { ...plan, after: chosen?.after ?? plan.choices[0]!.after, changes: chosen?.changes ?? plan.choices[0]!.changes, chosen: chosen?.id ?? null, applied: input.apply && Boolean(chosen?.changes.length) };
}

/** Step 4: Logto roles for the WordPress roles picked; existing ones are used as they are. */
export async function roles(access: LogtoAccess, input: { roles: Array<{ name: string; description: string; isDefault?: boolean | undefined }> } & Apply) {
	const s = await session(access);
	const existing = await call(s.endpoint, s.client.GET('/api/roles'));
	const result: Array<{ name: string; id: string | null; created: boolean }> = [];
	for (const wanted of input.roles) {
		const found = existing.find((r) => r.name === wanted.name);
		if (found) result.push({ name: found.name, id: found.id, created: false });
		else if (!input.apply) result.push({ name: wanted.name, id: null, created: false });
		else {
			const role = await call(s.endpoint, s.client.POST('/api/roles', { body: { name: wanted.name, description: wanted.description, type: 'User', isDefault: wanted.isDefault ?? false } }));
			result.push({ name: role.name, id: role.id, created: true });
		}
	}
	const changes: Change[] = result.filter((r) => !r.id || r.created).map((r) => ({ field: 'role', from: null, to: r.name, replaces: false }));
	return { roles: result, changes, applied: changes.length > 0 && input.apply };
}


/**
 * Step 5: the site's REST API as a Logto API resource with wp:read and wp:write, and a role that
 * grants both (Logto gives a user an API's scopes only through their roles). The role is a
 * default role (every new user of the tenant gets it) only when the admin opts in. Nothing is
 * replaced; what is there is used.
 */
export async function apiResource(access: LogtoAccess, input: { indicator: string; defaultRole?: boolean | undefined } & Apply) {
	const s = await session(access);
	const resources = await call(s.endpoint, s.client.GET('/api/resources', { params: { query: { includeScopes: 'true' } } }));
	let resource = resources.find((r) => r.indicator === input.indicator);
	const role = (await call(s.endpoint, s.client.GET('/api/roles'))).find((r) => r.name === APP_ROLE.name);
	const granted = role ? await call(s.endpoint, s.client.GET('/api/roles/{id}/scopes', { params: { path: { id: role.id } } })) : [];
	const missingScopes = API_SCOPES.filter((scope) => !resource?.scopes?.some((x) => x.name === scope.name));
	const missingGrants = API_SCOPES.filter((scope) => !granted.some((g) => g.name === scope.name && g.resourceId === resource?.id));
	const changes: Change[] = [
		...(resource ? [] : [{ field: 'apiResource', from: null, to: input.indicator, replaces: false }]),
		...missingScopes.map((scope) => ({ field: 'apiResource.scopes', from: null, to: scope.name, replaces: false })),
		...(role ? [] : [{ field: input.defaultRole ? 'role.default' : 'role', from: null, to: APP_ROLE.name, replaces: false }]),
		...(missingGrants.length ? [{ field: `role.${APP_ROLE.name}.scopes`, from: null, to: missingGrants.map((g) => g.name).join(', '), replaces: false }] : []),
	];
	if (guardApply(changes, input)) {
		resource ??= await call(s.endpoint, s.client.POST('/api/resources', { body: { name: 'WordPress REST API', indicator: input.indicator } }));
		const resourceId = resource.id;
		for (const scope of missingScopes) await call(s.endpoint, s.client.POST('/api/resources/{resourceId}/scopes', { params: { path: { resourceId } }, body: scope }));
		const scopes = await call(s.endpoint, s.client.GET('/api/resources/{resourceId}/scopes', { params: { path: { resourceId } } }));
		const roleId = role?.id ?? (await call(s.endpoint, s.client.POST('/api/roles', { body: { name: APP_ROLE.name, description: APP_ROLE.description, type: 'User', isDefault: input.defaultRole === true } }))).id;
		const scopeIds = scopes.filter((x) => missingGrants.some((g) => g.name === x.name)).map((x) => x.id);
		if (scopeIds.length) await call(s.endpoint, s.client.POST('/api/roles/{id}/scopes', { params: { path: { id: roleId } }, body: { scopeIds } }));
	}
	return { resource: resource ? { id: resource.id, indicator: resource.indicator } : null, role: APP_ROLE.name, changes, applied: input.apply && changes.length > 0 };
}
