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
export async function errorUrl(config: Pick<BridgeConfig, 'wpUrl'>, site: SiteConfigSource, code: SignInErrorCode): Promise<string> {
	// WordPress did not answer just now: asking again would only keep the visitor waiting.
	const current = code === 'site_unreachable' ? site.peek() : await site.get().catch(() => site.peek());
	const url = new URL(current?.errorUrl ?? `${config.wpUrl}/wp-login.php`);
	url.searchParams.set(WP_LOGIN_QUERY.error, code);
	return url.href;
}
