// The local idp's Management API, as its seeded M2M app (wordpress-setup) calls it, for tests,
// benchmarks and the stack scripts.

/**
 * The local idp's Management API as its seeded M2M app (wordpress-setup) calls it: `api(path,
 * method?, body?)` answers the JSON, or throws with the status and body.
 */
export async function localManagementApi(idpUrl: string) {
	const tokenRes = await fetch(`${idpUrl}/oidc/token`, {
		method: 'POST',
		headers: { authorization: `Basic ${Buffer.from('wordpress-setup:local-setup-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' }),
	});
	if (!tokenRes.ok) throw new Error(`no Management API token from ${idpUrl} (${tokenRes.status})`);
	const { access_token: token } = (await tokenRes.json()) as { access_token: string };
	return async <T = unknown>(path: string, method = 'GET', body?: unknown): Promise<T> => {
		const res = await fetch(`${idpUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
		if (!res.ok) throw new Error(`${method} /api${path} answered ${res.status}: ${await res.text()}`);
		return (await res.json()) as T;
	};
}

/** Registers a Native app with a custom-scheme redirect through the local idp's Management API. */
export async function registerNativeApp(idpUrl: string, name: string, redirectUri: string): Promise<string> {
	const api = await localManagementApi(idpUrl);
	const app = await api<{ id: string }>('/applications', 'POST', { name, type: 'Native', oidcClientMetadata: { redirectUris: [redirectUri], postLogoutRedirectUris: [redirectUri] } });
	return app.id;
}

/** The Native app named `name` with this metadata: created, or found by name and brought up to date. Its ID. */
export async function ensureNativeApp(idpUrl: string, name: string, metadata: { oidcClientMetadata: object; customClientMetadata?: object }): Promise<string> {
	const api = await localManagementApi(idpUrl);
	const existing = (await api<Array<{ id: string; name: string }>>('/applications?types=Native')).find((app) => app.name === name);
	if (existing) {
		await api(`/applications/${existing.id}`, 'PATCH', metadata);
		return existing.id;
	}
	return (await api<{ id: string }>('/applications', 'POST', { name, type: 'Native', ...metadata })).id;
}
