import { WP_LOGIN_QUERY, WP_REST_ROUTES, wpRestPath, type SignInErrorCode } from '@logto-bridge/contract';

import type { BridgeConfig } from './config.js';
import { SIGNATURE_HEADER, sign } from './signature.js';
import type { SiteConfig, SiteConfigSource } from './site-config.js';

/** Signed server-to-server calls from the bridge to the plugin's REST routes, under the REST base WordPress reported. */
export async function postToWordPress(config: Pick<BridgeConfig, 'sharedSecret'>, site: Pick<SiteConfig, 'restUrl'>, route: keyof typeof WP_REST_ROUTES, payload: unknown): Promise<Response> {
	const body = JSON.stringify(payload);
	// Signatures cover the REST route, whatever URL reaches it.
	return fetch(restEndpoint(site.restUrl, WP_REST_ROUTES[route]), {
		method: 'POST',
		headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(config.sharedSecret, { method: 'POST', path: wpRestPath(route), body }) },
		body,
		signal: AbortSignal.timeout(5000),
	});
}

/**
 * A route under the plugin's REST base: `…/wp-json/logto-bridge/v1/<route>`, or, on a site
 * without pretty permalinks, `…?rest_route=/logto-bridge/v1/<route>`.
 */
export function restEndpoint(restUrl: string, route: string): URL {
	const url = new URL(restUrl);
	const restRoute = url.searchParams.get('rest_route');
	if (restRoute === null) return new URL(route, url);
	url.searchParams.set('rest_route', restRoute.replace(/\/?$/, '/') + route);
	return url;
}

/** Where a sign-in's ticket and failures go: a network's site by its URL, else the site's own. */
export type SignInTarget = Pick<SiteConfig, 'callbackUrl' | 'errorUrl'>;

/**
 * The network site a return_to belongs to (the longest site URL it starts with), or none: a
 * single site, or a URL outside every site (the site's own URLs then, as before networks).
 */
export function networkSiteOf(site: Pick<SiteConfig, 'networkSites'>, returnTo: string): string | undefined {
	// Whole path segments only: https://net.example/bb/ is not site /b/'s.
	const under = (url: string) => `${returnTo}/`.startsWith(url.endsWith('/') ? url : `${url}/`);
	const matches = (site.networkSites ?? []).filter((s) => under(s.url));
	return matches.sort((a, b) => b.url.length - a.url.length)[0]?.url;
}

/** The callback and error URLs of the network site `url` names (networkSiteOf), else the site's own. */
export function signInTarget(site: Pick<SiteConfig, 'callbackUrl' | 'errorUrl' | 'networkSites'>, url: string | undefined): SignInTarget {
	return (url && site.networkSites?.find((s) => s.url === url)) || site;
}

/** wp-login.php's callback with the ticket, at the URL WordPress reported (its login URL may be filtered). */
export function ticketUrl(site: Pick<SiteConfig, 'callbackUrl'>, ticket: string, sealed?: string): string {
	const url = new URL(site.callbackUrl);
	url.searchParams.set(WP_LOGIN_QUERY.ticket, ticket);
	if (sealed) url.searchParams.set(WP_LOGIN_QUERY.sealed, sealed);
	return url.href;
}

/**
 * The site's login page with `logto_error=<code>`, from the current settings (another instance
 * may have been told they changed: a login URL moved by a plugin), else the last copy. Before
 * WordPress has ever answered, its default wp-login.php is the best guess.
 */
export async function errorUrl(config: Pick<BridgeConfig, 'wpUrl'>, site: SiteConfigSource, code: SignInErrorCode, networkSite?: string): Promise<string> {
	// WordPress did not answer just now: asking again would only keep the visitor waiting.
	const current = code === 'site_unreachable' ? site.peek() : await site.get().catch(() => site.peek());
	const url = new URL(current ? signInTarget(current, networkSite).errorUrl : `${config.wpUrl}/wp-login.php`);
	url.searchParams.set(WP_LOGIN_QUERY.error, code);
	return url.href;
}
