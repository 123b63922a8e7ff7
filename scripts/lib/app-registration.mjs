// The mobile app in the local identity provider, registered as an admin does it in Logto: a
// Native app, through the Management API with the seeded M2M app (local idp only).
const MANAGEMENT_API = 'https://default.logto.app/api';
export const NATIVE_REDIRECT = 'io.logto.wordpress://callback';

/**
 * The Native app named `name`, created or brought up to date: the device's custom-scheme URIs
 * and the web build's (`appUrl`). Returns its ID.
 *
 * @param {string} idpUrl
 * @param {string} name
 * @param {string} appUrl
 */
export async function ensureNativeApp(idpUrl, name, appUrl) {
	const tokenRes = await fetch(`${idpUrl}/oidc/token`, {
		method: 'POST',
		headers: { authorization: `Basic ${Buffer.from('wordpress-setup:local-setup-secret').toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'client_credentials', resource: MANAGEMENT_API, scope: 'all' }),
	});
	if (!tokenRes.ok) throw new Error(`registering the app: no Management API token (${tokenRes.status})`);
	const { access_token: token } = await tokenRes.json();
	const api = async (path, method = 'GET', body) => {
		const res = await fetch(`${idpUrl}/api${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body && JSON.stringify(body) });
		if (!res.ok) throw new Error(`registering the app: ${method} /api${path} answered ${res.status}: ${await res.text()}`);
		return res.json();
	};
	const metadata = {
		oidcClientMetadata: { redirectUris: [NATIVE_REDIRECT, `${appUrl}/callback`], postLogoutRedirectUris: [`${NATIVE_REDIRECT}/sign-out`, `${appUrl}/`] },
		// A device's WebView calls Logto from these origins (Android, then iOS).
		customClientMetadata: { corsAllowedOrigins: ['https://localhost', 'capacitor://localhost'] },
	};
	const existing = (await api('/applications?types=Native')).find((app) => app.name === name);
	if (existing) {
		await api(`/applications/${existing.id}`, 'PATCH', metadata);
		return existing.id;
	}
	return (await api('/applications', 'POST', { name, type: 'Native', ...metadata })).id;
}
