/** Where the app finds Logto and the WordPress site; read from config.json beside index.html. */
export type AppConfig = {
	/** The Logto endpoint, e.g. https://your-tenant.logto.app (without /oidc). */
	endpoint: string;
	/** The ID of the Logto Native app. */
	appId: string;
	/** The WordPress site's address. */
	site: string;
	/** The site's API resource indicator in Logto (Logto > Settings > "Apps and the REST API"). */
	resource: string;
	/** Where Logto sends the user back after sign-in and after sign-out. */
	redirectUri: string;
	postSignOutRedirectUri: string;
};

/** The custom scheme of capacitor.config.ts's appId, which the native shell opens the app for. */
export const NATIVE_REDIRECT = 'io.logto.wordpress://callback';

const trimSlashes = (url: string) => url.replace(/\/+$/, '');

function httpUrl(value: unknown, name: string): string {
	if (typeof value !== 'string' || value.trim() === '') throw new Error(`config.json: "${name}" is missing.`);
	let url: URL;
	try {
		url = new URL(value.trim());
	} catch {
		throw new Error(`config.json: "${name}" is not a URL: ${value}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`config.json: "${name}" must be an http(s) URL: ${value}`);
	return trimSlashes(url.href);
}

/**
 * The config, checked, with defaults: the resource is `<site>/wp-json` (the plugin's default);
 * on the web the redirect URIs are this page's own (`<origin>/callback` and `<origin>/`), on a
 * device the custom scheme.
 *
 * @throws Error naming the field that is wrong.
 */
export function parseConfig(raw: unknown, platform: { native: boolean; origin: string }): AppConfig {
	if (raw === null || typeof raw !== 'object') throw new Error('config.json must hold a JSON object.');
	const c = raw as Record<string, unknown>;
	if (typeof c.appId !== 'string' || !/^[\w-]{1,64}$/.test(c.appId)) throw new Error('config.json: "appId" must be the Logto Native app\'s ID.');
	const site = httpUrl(c.site, 'site');
	return {
		endpoint: httpUrl(c.endpoint, 'endpoint').replace(/\/oidc$/, ''),
		appId: c.appId,
		site,
		resource: c.resource === undefined || c.resource === '' ? `${site}/wp-json` : httpUrl(c.resource, 'resource'),
		redirectUri: platform.native ? NATIVE_REDIRECT : `${platform.origin}/callback`,
		postSignOutRedirectUri: platform.native ? `${NATIVE_REDIRECT}/sign-out` : `${platform.origin}/`,
	};
}
