import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { ClientMetadata } from 'oidc-provider';

import { JsonFileStore } from '../store.js';
import type { Application, ApplicationCreate, ApplicationPatch, ApplicationSecret, ApplicationType } from './logto-types.js';

/** Logto OSS's Management API resource indicator (Cloud: https://<tenant-id>.logto.app/api). */
export const MANAGEMENT_API_RESOURCE = 'https://default.logto.app/api';
/** The M2M role Logto Console offers for it; it grants the scope `all`. */
export const MANAGEMENT_ROLE = 'Logto Management API access';
export const TENANT_ID = 'default';

type StoredApplication = Application & {
	secrets: ApplicationSecret[];
	/** Names of the M2M roles the app holds (only MANAGEMENT_ROLE means anything here). */
	m2mRoles: string[];
	/** How a seeded client authenticates; apps created through the API use Basic, as Logto's default. */
	tokenEndpointAuthMethod?: 'client_secret_basic' | 'client_secret_post';
};

/** Logto's generated ids: 21 characters of [a-z0-9]. */
export const standardId = (length = 21) => {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(length)].map((b) => alphabet[b % alphabet.length]).join('');
};
const standardSecret = () => randomBytes(24).toString('base64url');

/** A refusal as Logto answers it: `{ code, message }`, with `details` (and zod `data`) for input. */
export class ApplicationError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly details?: string,
		readonly data?: unknown,
	) {
		super(message);
	}
}

/**
 * The applications of this tenant, as Logto keeps them: each is an OIDC client at once (the
 * provider asks `clientMetadata()` on every lookup), with its secrets listed apart. As in Logto,
 * the `secret` on the application is an `#internal:` value no client can authenticate with.
 */
export class Applications {
	private readonly store: JsonFileStore<StoredApplication>;

	constructor(dataDir: string) {
		this.store = new JsonFileStore<StoredApplication>(join(dataDir, 'applications.json'));
	}

	/** The apps of the clients seed file (Traditional web apps), kept as the file says on every start. */
	importClients(clients: ClientMetadata[]): void {
		for (const c of clients) {
			const existing = this.store.get(c.client_id);
			const metadata = {
				redirectUris: (c.redirect_uris ?? []) as string[],
				postLogoutRedirectUris: (c.post_logout_redirect_uris ?? []) as string[],
				...(c.backchannel_logout_uri ? { backchannelLogoutUri: c.backchannel_logout_uri as string } : {}),
				...(c.backchannel_logout_session_required !== undefined ? { backchannelLogoutSessionRequired: Boolean(c.backchannel_logout_session_required) } : {}),
			};
			const app = this.build({ id: c.client_id, name: (c.client_name as string | undefined) ?? c.client_id, type: 'Traditional', oidcClientMetadata: metadata as never }, existing);
			app.secrets = [this.secretRecord(c.client_id, String(c.client_secret))];
			app.tokenEndpointAuthMethod = c.token_endpoint_auth_method === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic';
			this.store.set(app.id, app);
		}
	}

	/** An M2M app holding the Management API role, with a fixed secret (the local stack's setup app). */
	seedManagementApp(id: string, secret: string): void {
		const app = this.build({ id, name: 'WordPress setup (Management API)', type: 'MachineToMachine' }, this.store.get(id));
		app.secrets = [this.secretRecord(id, secret)];
		app.m2mRoles = [MANAGEMENT_ROLE];
		this.store.set(id, app);
	}

	list(types?: ApplicationType[]): Application[] {
		return this.store
			.values()
			.filter((a) => !types?.length || types.includes(a.type))
			.sort((a, b) => b.createdAt - a.createdAt)
			.map(publicView);
	}

	get(id: string): Application | undefined {
		const app = this.store.get(id);
		return app && publicView(app);
	}

	create(body: ApplicationCreate): Application {
		if (!['Traditional', 'MachineToMachine', 'Native', 'SPA'].includes(body.type)) {
			throw new ApplicationError(422, 'application.invalid_type', `Application type ${body.type} is not supported by this identity provider.`);
		}
		const app = this.build({ ...body, id: standardId() });
		if (app.type !== 'SPA' && app.type !== 'Native') app.secrets = [this.secretRecord(app.id, standardSecret())];
		this.store.set(app.id, app);
		return publicView(app);
	}

	/** As Logto's PATCH: the given top-level fields replace the stored ones wholesale (JSON columns included). */
	patch(id: string, body: ApplicationPatch): Application {
		const app = this.store.get(id);
		if (!app) throw notFound(id);
		const next: StoredApplication = { ...app };
		if (body.name !== undefined) next.name = body.name;
		if (body.description !== undefined) next.description = body.description ?? null;
		if (body.oidcClientMetadata !== undefined) next.oidcClientMetadata = body.oidcClientMetadata;
		if (body.customClientMetadata !== undefined) next.customClientMetadata = body.customClientMetadata;
		if (body.customData !== undefined) next.customData = body.customData;
		this.store.set(id, next);
		return publicView(next);
	}

	secrets(id: string): ApplicationSecret[] {
		const app = this.store.get(id);
		if (!app) throw notFound(id);
		return app.secrets;
	}

	/** The extra origins the app lets call the OIDC endpoints from a browser. */
	corsAllowedOrigins(id: string): string[] {
		const origins = (this.store.get(id)?.customClientMetadata as { corsAllowedOrigins?: unknown } | undefined)?.corsAllowedOrigins;
		return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [];
	}

	hasManagementRole(id: string): boolean {
		return this.store.get(id)?.m2mRoles.includes(MANAGEMENT_ROLE) ?? false;
	}

	/** oidc-provider's view of an app (snake_case client metadata), or undefined for unknown ids. */
	clientMetadata(id: string): ClientMetadata | undefined {
		const app = this.store.get(id);
		if (!app) return undefined;
		const secret = app.secrets.find((s) => s.expiresAt === null || s.expiresAt > Date.now())?.value;
		const uris = app.oidcClientMetadata as unknown as { redirectUris: string[]; postLogoutRedirectUris: string[]; backchannelLogoutUri?: string; backchannelLogoutSessionRequired?: boolean };
		if (app.type === 'MachineToMachine') {
			return { client_id: app.id, client_secret: secret, client_name: app.name, grant_types: ['client_credentials'], response_types: [], redirect_uris: [] };
		}
		const publicClient = app.type === 'SPA' || app.type === 'Native';
		// A web app without redirect URIs is an invalid client to oidc-provider, in Logto too: any
		// use of it answers invalid_redirect_uri (observed on Logto 1.37.1).
		return {
			client_id: app.id,
			...(publicClient ? {} : { client_secret: secret }),
			client_name: app.name,
			application_type: app.type === 'Native' ? 'native' : 'web',
			redirect_uris: uris.redirectUris,
			post_logout_redirect_uris: uris.postLogoutRedirectUris,
			...(uris.backchannelLogoutUri ? { backchannel_logout_uri: uris.backchannelLogoutUri } : {}),
			...(uris.backchannelLogoutSessionRequired !== undefined ? { backchannel_logout_session_required: uris.backchannelLogoutSessionRequired } : {}),
			grant_types: ['authorization_code', 'refresh_token'],
			response_types: ['code'],
			token_endpoint_auth_method: publicClient ? 'none' : (app.tokenEndpointAuthMethod ?? 'client_secret_basic'),
		};
	}

	private build(body: ApplicationCreate & { id: string }, existing?: StoredApplication): StoredApplication {
		return {
			tenantId: TENANT_ID,
			id: body.id,
			name: body.name,
			secret: existing?.secret ?? `#internal:${standardSecret()}`,
			description: body.description ?? existing?.description ?? null,
			type: body.type,
			oidcClientMetadata: body.oidcClientMetadata ?? existing?.oidcClientMetadata ?? { redirectUris: [], postLogoutRedirectUris: [] },
			customClientMetadata: body.customClientMetadata ?? existing?.customClientMetadata ?? {},
			protectedAppMetadata: null,
			customData: body.customData ?? existing?.customData ?? {},
			isThirdParty: body.isThirdParty ?? false,
			appLevelAccessControlEnabled: false,
			isAdmin: false,
			createdAt: existing?.createdAt ?? Date.now(),
			secrets: existing?.secrets ?? [],
			m2mRoles: existing?.m2mRoles ?? [],
		};
	}

	private secretRecord(applicationId: string, value: string): ApplicationSecret {
		return { tenantId: TENANT_ID, applicationId, name: 'Default secret', value, createdAt: Date.now(), expiresAt: null };
	}
}

function publicView(app: StoredApplication): Application {
	const { secrets: _secrets, m2mRoles: _roles, tokenEndpointAuthMethod: _auth, ...view } = app;
	return view;
}

function notFound(id: string) {
	return new ApplicationError(404, 'entity.not_exists_with_id', `The application with ID \`${id}\` does not exist.`);
}
