import { call, SetupError, type LogtoAccess } from '../management-session.js';
import { marker, MARKER_KEY, planAppMetadata, type Change, type OidcMetadata } from '../plans.js';
import type { AppRegistrationUris } from '@logto-bridge/contract';
import { guardApply, isSitesApp, session, type Apply, type Session } from './shared.js';

/**
 * Step 2: the WordPress app. The one this site marked before, the one the admin picked, or a
 * new Traditional web app; its URIs as the site needs them; then its usable secret.
 */
export async function application(access: LogtoAccess, input: { siteUrl: string; uris: AppRegistrationUris; appId?: string | undefined; name?: string | undefined } & Apply) {
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
