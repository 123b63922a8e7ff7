import { EXTRA_PARAM_NAMES, wpRestPath } from '@logto-bridge/contract';
import { z } from 'zod';

import type { BridgeConfig } from './config.js';
import { newNonce, RESPONSE, SIGNATURE_HEADER, sign, verify } from './signature.js';

/** What WordPress (Logto > Settings) tells the bridge: GET logto-bridge/v1/site-config. */
export const siteConfigSchema = z.object({
	endpoint: z.url({ protocol: /^https?$/ }),
	appId: z.string().min(1),
	appSecret: z.string().min(1),
	scopes: z.string().default('openid profile email phone roles'),
	extraParams: z.partialRecord(z.enum(EXTRA_PARAM_NAMES), z.string()).default({}),
	siteUrl: z.url(),
	allowedReturnOrigins: z.array(z.string()).min(1),
	/** Where a ticket goes (`&ticket=` is added): wp-login.php?action=logto-callback, or the site's filtered login URL. */
	callbackUrl: z.url({ protocol: /^https?$/ }),
	/** Where a failure goes (`logto_error=<code>` is added): the site's login URL. */
	errorUrl: z.url({ protocol: /^https?$/ }),
	/** The plugin's REST base, ending in `/`: the bridge's calls to WordPress go under it. */
	restUrl: z.url({ protocol: /^https?$/ }),
	/** The site's REST API as a Logto API resource: the audience of the access tokens it accepts. */
	apiResource: z.url().optional(),
	/**
	 * A multisite network's sites (the main site reports them all): a sign-in goes back to the
	 * site it started on (the longest `url` its return_to starts with), to that site's own
	 * login URL, which provisions the member there and sets that site's cookies.
	 */
	networkSites: z
		.array(z.object({ url: z.url({ protocol: /^https?$/ }), callbackUrl: z.url({ protocol: /^https?$/ }), errorUrl: z.url({ protocol: /^https?$/ }) }))
		.optional(),
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;

/** Changed by whichever instance WordPress told of a save, so every instance sharing the store refetches. */
export const SITE_CONFIG_VERSION_KEY = 'site-config:version';

/** Where instances that share a store read the version of WordPress's settings. */
export type SharedVersion = { version(): Promise<string | undefined> };

type CachedCopy = { value: SiteConfig; until: number; version: string | undefined };

/** A failed refresh of a stale copy is tried again after this long (the copy is served meanwhile). */
const RETRY_MS = 5000;

export class SiteConfigError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'SiteConfigError';
	}
}

/**
 * Pulls the site's Logto settings from WordPress with a signed request and keeps them. A visitor
 * waits for WordPress only when there is no copy at all (the first sign-in after a start, unless
 * prefetch() got there first, or after WordPress said its settings changed); a copy older than
 * the TTL is still served while a fresh one is fetched off the visitor's path, and kept when that
 * fetch fails (retried no more than every few seconds). WordPress stays the one place where an
 * admin configures anything.
 */
export class SiteConfigSource {
	private cached: CachedCopy | undefined;
	private inflight: Promise<SiteConfig> | undefined;
	/** Bumped by invalidate(): a fetch started before it is neither shared nor cached after it. */
	private generation = 0;

	/**
	 * @param shared With several instances behind a load balancer, WordPress's "settings saved"
	 * reaches one of them: the version they share tells the others (one store read per use).
	 */
	constructor(
		private readonly config: Pick<BridgeConfig, 'wpUrl' | 'sharedSecret' | 'siteConfigTtlMs'>,
		private readonly shared?: SharedVersion,
	) {}

	async get(): Promise<SiteConfig> {
		const version = this.shared ? await this.shared.version().catch(() => undefined) : undefined;
		if (this.cached && this.cached.version !== version) this.invalidate();
		if (this.cached) {
			if (this.cached.until <= Date.now()) this.markDue(this.cached, version);
			return this.cached.value;
		}
		return this.load(version);
	}

	/** Fetches a copy now, off any visitor's path (at start, and when WordPress said its settings changed). */
	prefetch(): void {
		void this.get().catch((error: Error) => this.onBackgroundError?.(error));
	}

	/** Told of a failed fetch no visitor waited for (the server logs it). */
	onBackgroundError: ((error: Error) => void) | undefined;

	/**
	 * A stale copy is fetched again once the response that found it stale has gone (the app calls
	 * refreshIfDue() when a response finishes): the fetch, its TLS handshake and its signature never
	 * share the event loop with that visitor's hop.
	 */
	private due: { stale: CachedCopy; version: string | undefined } | undefined;

	private markDue(stale: CachedCopy, version: string | undefined): void {
		if (this.inflight) return;
		// Until this fetch ends, and for a few seconds after a failure, the stale copy is not refetched again.
		stale.until = Date.now() + Math.min(this.config.siteConfigTtlMs, RETRY_MS);
		this.due = { stale, version };
	}

	/** Starts the fetch a stale copy asked for, if any. */
	readonly refreshIfDue = (): void => {
		const due = this.due;
		if (!due) return;
		this.due = undefined;
		if (this.cached === due.stale) this.load(due.version).catch((error: Error) => this.onBackgroundError?.(error));
	};

	private load(version: string | undefined): Promise<SiteConfig> {
		if (!this.inflight) {
			const generation = this.generation;
			const inflight = this.fetch(generation, version).finally(() => {
				if (this.inflight === inflight) this.inflight = undefined;
			});
			this.inflight = inflight;
		}
		return this.inflight;
	}

	/** The last copy received, even if stale: enough to send a visitor to the right error page. */
	peek(): SiteConfig | undefined {
		return this.cached?.value;
	}

	/** Forgets the cached copy, e.g. after the IdP rejected our credentials. */
	invalidate(): void {
		this.generation++;
		this.cached = undefined;
		this.inflight = undefined;
	}

	private async fetch(generation: number, version: string | undefined): Promise<SiteConfig> {
		// ?rest_route= answers on every WordPress, pretty permalinks or not; the REST base
		// WordPress itself reports is used for every later call.
		const path = wpRestPath('siteConfig');
		const url = `${this.config.wpUrl}/?rest_route=${path}`;
		const nonce = newNonce();
		let res: Response;
		try {
			res = await fetch(url, {
				method: 'POST',
				headers: { [SIGNATURE_HEADER]: sign(this.config.sharedSecret, { method: 'POST', path, body: '' }, { nonce }) },
				signal: AbortSignal.timeout(5000),
			});
		} catch (error) {
			throw new SiteConfigError(`WordPress is unreachable at ${url}: ${(error as Error).message}`);
		}
		if (!res.ok) throw new SiteConfigError(`WordPress answered ${res.status} for ${url}`);
		// WordPress re-encodes what a REST route returns, so it signs the config as a string inside the answer.
		const envelope = (await res.json().catch(() => null)) as { payload?: unknown; signature?: unknown } | null;
		const payload = typeof envelope?.payload === 'string' ? envelope.payload : '';
		const signature = typeof envelope?.signature === 'string' ? envelope.signature : undefined;
		const check = verify(this.config.sharedSecret, signature, { method: RESPONSE, path, body: payload });
		if (!check.ok || check.nonce !== nonce) throw new SiteConfigError(`WordPress's bridge config is not signed for this request (${check.ok ? 'another nonce' : check.reason}): check the shared secret`);
		const parsed = siteConfigSchema.safeParse(JSON.parse(payload));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new SiteConfigError(`WordPress sent an invalid bridge config: ${String(issue?.path.join('.'))}: ${issue?.message}`);
		}
		// Settings saved while this fetch was under way: the copy may predate them, so it is not kept.
		if (generation === this.generation) this.cached = { value: parsed.data, until: Date.now() + this.config.siteConfigTtlMs, version };
		return parsed.data;
	}
}
