// The mobile app in the local identity provider, registered as an admin does it in Logto: a
// Native app, through the Management API with the seeded M2M app (local idp only). The calls
// are testkit's (app-token.ts), loaded through tsx as registration.mjs loads the contract.
import { tsImport } from 'tsx/esm/api';

const { ensureNativeApp: ensure } = await tsImport('@logto-bridge/testkit/management-api', import.meta.url);
export const NATIVE_REDIRECT = 'io.logto.wordpress://callback';

/**
 * The Native app named `name`, created or brought up to date: the device's custom-scheme URIs
 * and the web build's (`appUrl`). Returns its ID.
 *
 * @param {string} idpUrl
 * @param {string} name
 * @param {string} appUrl
 * @returns {Promise<string>}
 */
export function ensureNativeApp(idpUrl, name, appUrl) {
	return ensure(idpUrl, name, {
		oidcClientMetadata: { redirectUris: [NATIVE_REDIRECT, `${appUrl}/callback`], postLogoutRedirectUris: [`${NATIVE_REDIRECT}/sign-out`, `${appUrl}/`] },
		// A device's WebView calls Logto from these origins (Android, then iOS).
		customClientMetadata: { corsAllowedOrigins: ['https://localhost', 'capacitor://localhost'] },
	});
}
