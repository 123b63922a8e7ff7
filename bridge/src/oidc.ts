import * as client from 'openid-client';

import { SignInError } from './errors.js';
import { LogtoBreaker } from './logto-breaker.js';
import { isLoopback } from './loopback.js';
import type { SiteConfig } from './site-config.js';

/**
 * Seconds a visitor may wait on Logto's token endpoint (and userinfo) before being told Logto is
 * unreachable: a slow Logto (a cold start, a deploy) answers well within it; the visitor has
 * already typed their code, so giving up early would cost them the whole sign-in.
 */
export const TOKEN_TIMEOUT_SECONDS = 10;

/** Logto serves OIDC under /oidc. */
export const issuerUrl = (endpoint: string) => `${endpoint.replace(/\/+$/, '')}/oidc`;

/**
 * openid-client Configurations, one per Logto app, discovered once and reused. Plain http is
 * allowed only for a loopback Logto (local development), as openid-client asks us to opt in.
 */
export class OidcClients {
	private readonly configs = new Map<string, Promise<client.Configuration>>();

	constructor(private readonly breaker = new LogtoBreaker()) {}

	/**
	 * Throws idp_unreachable when Logto has really failed (logto-breaker.ts): discovery is cached,
	 * so without this a visitor would be sent to a Logto that is down and see a browser error page
	 * instead of the site's message. A slow Logto is not down.
	 */
	async ensureReachable(site: SiteConfig): Promise<void> {
		const url = `${issuerUrl(site.endpoint)}/.well-known/openid-configuration`;
		if (!(await this.breaker.isUp(url))) throw new SignInError('idp_unreachable', `Logto did not answer at ${url}`);
	}

	/** Whether each Logto watched is taken as down (metrics). */
	breakerStates(): Array<{ url: string; open: boolean }> {
		return this.breaker.states();
	}

	/** Stops probing Logto (the bridge is shutting down). */
	close(): void {
		this.breaker.close();
	}

	get(site: SiteConfig): Promise<client.Configuration> {
		const key = `${site.endpoint}|${site.appId}|${site.appSecret}`;
		let config = this.configs.get(key);
		if (!config) {
			// Without discovery there is no Logto to send anyone to: that is 'unreachable' to a visitor.
			config = this.discover(site).catch((error: unknown) => {
				throw new SignInError('idp_unreachable', `Logto discovery failed: ${(error as Error).message}`);
			});
			// A failed discovery must not be cached: the next request tries again.
			config.catch(() => this.configs.delete(key));
			this.configs.set(key, config);
		}
		return config;
	}

	private async discover(site: SiteConfig): Promise<client.Configuration> {
		const issuer = new URL(issuerUrl(site.endpoint));
		const options: client.DiscoveryRequestOptions = { timeout: 5 };
		if (issuer.protocol === 'http:' && isLoopback(issuer)) options.execute = [client.allowInsecureRequests];
		const config = await client.discovery(issuer, site.appId, { client_secret: site.appSecret }, client.ClientSecretBasic(site.appSecret), options);
		// openid-client skips the ID token signature check for token-endpoint responses unless asked.
		client.enableNonRepudiationChecks(config);
		// Discovery's own 5 s would otherwise apply to every later request too.
		config.timeout = TOKEN_TIMEOUT_SECONDS;
		return config;
	}
}

export { client };
