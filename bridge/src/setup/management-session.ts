import { createHash } from 'node:crypto';

import { createApiClient } from '@logto/api/management';
import { setupErrorStatus, type SetupErrorCode } from '@logto-bridge/contract';

import { isLoopback } from '../loopback.js';

/** Why a Management API step failed, in words an admin can act on; `code` is stable for the UI. */
export class SetupError extends Error {
	/** The HTTP status the bridge answers with (fixtures/setup.json). */
	readonly status: number;

	constructor(
		readonly code: SetupErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'SetupError';
		this.status = setupErrorStatus(code);
	}
}

export type LogtoAccess = { endpoint: string; appId: string; appSecret: string; resource?: string | undefined };

const ROLE_HELP = 'In Logto Console > Applications, open the machine-to-machine app, and assign it the role "Logto Management API access" under Roles.';

/**
 * Logto's Management API resource for an endpoint: `https://<tenant-id>.logto.app/api` for
 * Logto Cloud, `https://default.logto.app/api` for self-hosted Logto (any other host).
 */
export function managementResource(endpoint: string): string {
	const tenant = /^([a-z0-9]+)\.logto\.app$/i.exec(new URL(endpoint).hostname)?.[1];
	return tenant && tenant !== 'default' ? `https://${tenant.toLowerCase()}.logto.app/api` : 'https://default.logto.app/api';
}

type CachedToken = { value: string; expiresAt: number };
// Memory only, per credentials: a token is reused until a minute before it expires, never stored.
const tokens = new Map<string, CachedToken>();
const TOKEN_LEEWAY_MS = 60_000;

/** Forgets every cached token (tests, and a wizard that was told the secret changed). */
export function forgetTokens(): void {
	tokens.clear();
}

/** An access token for the Management API, or a SetupError saying precisely what is wrong. */
export async function managementToken(access: LogtoAccess): Promise<{ token: string; resource: string }> {
	const endpoint = secureEndpoint(access.endpoint);
	const resource = access.resource || managementResource(endpoint);
	const key = createHash('sha256').update(JSON.stringify([endpoint, resource, access.appId, access.appSecret])).digest('hex');
	const cached = tokens.get(key);
	if (cached && cached.expiresAt - TOKEN_LEEWAY_MS > Date.now()) return { token: cached.value, resource };

	let res: Response;
	try {
		res = await fetch(`${endpoint}/oidc/token`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				authorization: `Basic ${Buffer.from(`${encodeURIComponent(access.appId)}:${encodeURIComponent(access.appSecret)}`).toString('base64')}`,
			},
			body: new URLSearchParams({ grant_type: 'client_credentials', resource, scope: 'all' }),
			signal: AbortSignal.timeout(10_000),
			// The M2M secret is in this request: a redirect is an answer, never followed with it.
			redirect: 'manual',
		});
	} catch (error) {
		throw unreachable(endpoint, error);
	}
	if (res.status >= 300 && res.status < 400) {
		throw new SetupError('logto_error', `Logto's token endpoint at ${endpoint} redirected (${res.status}${res.headers.get('location') ? ` to ${res.headers.get('location')}` : ''}); the secret is not sent on. Enter the endpoint Logto itself answers at.`);
	}
	const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; scope?: string; error?: string; error_description?: string };
	if (res.status === 401 || body.error === 'invalid_client') {
		throw new SetupError('m2m_credentials_wrong', 'Logto refused the app ID or app secret of the machine-to-machine app. Copy both again from Logto Console > Applications.');
	}
	if (body.error === 'invalid_target') {
		throw new SetupError('resource_wrong', `Logto does not know the Management API resource ${resource}. Self-hosted Logto uses https://default.logto.app/api; Logto Cloud uses https://<tenant-id>.logto.app/api.`);
	}
	// A web app's credentials: Logto authenticates it, then refuses the grant (invalid_request), or
	// refuses the app itself when it has no redirect URI yet (invalid_redirect_uri, Logto 1.37.1).
	if (['unauthorized_client', 'invalid_request', 'unsupported_grant_type', 'invalid_redirect_uri', 'invalid_client_metadata'].includes(body.error ?? '')) {
		throw new SetupError('not_m2m_app', `This app cannot use the Management API (${body.error_description ?? body.error}). Create a "Machine-to-machine" app in Logto Console and use its ID and secret.`);
	}
	if (!res.ok || !body.access_token) {
		throw new SetupError('logto_error', `Logto's token endpoint answered ${res.status}${body.error ? ` (${body.error})` : ''}.`);
	}
	if (!(body.scope ?? '').split(' ').includes('all')) {
		throw new SetupError('m2m_role_missing', `The machine-to-machine app has no access to the Management API. ${ROLE_HELP}`);
	}
	tokens.set(key, { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000 });
	return { token: body.access_token, resource };
}

/**
 * The endpoint the M2M credentials may go to: https, or http only for a loopback Logto (as
 * sign-in requires). They are Management API `all` on the whole tenant.
 */
export function secureEndpoint(raw: string): string {
	const endpoint = raw.replace(/\/+$/, '');
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new SetupError('invalid_request', 'Enter the Logto endpoint as a URL, e.g. https://your-tenant.logto.app.');
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
		throw new SetupError('invalid_request', `The Logto endpoint must use https (${endpoint}): the machine-to-machine secret is sent to it. Plain http is allowed only for a Logto on this machine (127.0.0.1, localhost).`);
	}
	return endpoint;
}

function unreachable(endpoint: string, error: unknown): SetupError {
	const cause = (error as { cause?: { code?: string } })?.cause?.code ?? (error as Error)?.name ?? 'no answer';
	return new SetupError('logto_unreachable', `Logto did not answer at ${endpoint} (${cause}). Check the endpoint, and that this bridge can reach it.`);
}

export type ManagementClient = ReturnType<typeof createApiClient>;

/** Logto's typed Management API client (@logto/api), authenticated with the M2M app's token. */
export async function managementClient(access: LogtoAccess): Promise<{ client: ManagementClient; resource: string }> {
	const { resource } = await managementToken(access);
	const client = createApiClient({ baseUrl: secureEndpoint(access.endpoint), getToken: async () => (await managementToken(access)).token });
	// Each call carries the Management API token: a redirect is answered as an error, not followed.
	client.use({ onRequest: ({ request }) => new Request(request, { redirect: 'manual' }) });
	return { client, resource };
}

/**
 * The data of a Management API answer, or a SetupError for its status: 401 (token refused),
 * 403 (a missing scope), 404, and 400/422 with Logto's own message; unreachable for no answer.
 */
export async function call<T>(endpoint: string, request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
	let result: { data?: T; error?: unknown; response: Response };
	try {
		result = await request;
	} catch (error) {
		if (error instanceof SetupError) throw error;
		throw unreachable(endpoint, error);
	}
	const { data, error, response } = result;
	if (response.ok) return data as T;
	const { message, details } = (error ?? {}) as { message?: unknown; details?: unknown };
	// Logto puts what exactly is wrong in `details` (e.g. `Error in key path "sdkAppId": ...`).
	const logto = [typeof message === 'string' ? message : `status ${response.status}`, typeof details === 'string' ? details : ''].filter(Boolean).join(' ');
	if (response.status === 401) throw new SetupError('m2m_credentials_wrong', `Logto refused the Management API token (${logto}).`);
	if (response.status === 403) throw new SetupError('m2m_role_missing', `Logto refused: a scope is missing (${logto}). ${ROLE_HELP}`);
	if (response.status === 404) throw new SetupError('logto_not_found', `Logto does not have it any more (${logto}).`);
	if (response.status === 400 || response.status === 422) throw new SetupError('logto_refused', `Logto refused the change: ${logto}`);
	throw new SetupError('logto_error', `Logto answered ${response.status}: ${logto}`);
}
