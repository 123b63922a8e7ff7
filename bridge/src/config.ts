import { z } from 'zod';

import { isLoopback } from './loopback.js';

/** Claims and secrets travel between the two: plain http only where it never leaves the machine. */
export const wordpressUrl = z.url({ protocol: /^https?$/ }).refine((u) => u.startsWith('https:') || isLoopback(new URL(u)), 'must be https unless it is a loopback address (127.0.0.1, localhost, ::1)');
export const sharedSecret = z.string().refine((s) => Buffer.byteLength(s) >= 32, 'must be at least 32 bytes');

const bool = z.enum(['1', '0', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const schema = z.object({
	BRIDGE_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
	WP_URL: wordpressUrl.optional(),
	BRIDGE_SHARED_SECRET: sharedSecret.optional(),
	BRIDGE_SITES_FILE: z.string().min(1).optional(),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('127.0.0.1'),
	REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
	TRUST_PROXY: bool.default(false),
	BRIDGE_DATA_DIR: z.string().default('.data/bridge'),
	SITE_CONFIG_TTL_SECONDS: z.coerce.number().int().min(0).default(30),
	SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
	PENDING_SIGN_IN_CAP: z.coerce.number().int().min(100).default(50_000),
	BRIDGE_INSTANCE: z.string().regex(/^[\w.-]{1,64}$/).optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	METRICS_TOKEN: z.string().refine((s) => Buffer.byteLength(s) >= 32, 'must be at least 32 bytes').optional(),
});

/**
 * Every environment variable the bridge reads, its default and what it is for (`logto-bridge --help`);
 * typed by the schema's keys, so a variable added there without a line here does not compile.
 */
export const ENVIRONMENT: Record<keyof z.infer<typeof schema>, { default?: string; what: string }> = {
	BRIDGE_PUBLIC_URL: { what: 'The URL browsers reach the bridge at (https in production); Logto redirects here.' },
	WP_URL: { what: 'The WordPress site (https unless on this machine); the bridge asks it for its settings. Not with BRIDGE_SITES_FILE.' },
	BRIDGE_SHARED_SECRET: { what: 'At least 32 bytes, the same as LOGTO_BRIDGE_SECRET in wp-config.php; signs every call between the two. Not with BRIDGE_SITES_FILE.' },
	BRIDGE_SITES_FILE: { what: 'Several WordPress sites on one bridge: a JSON file {"sites":[{"id","wpUrl","sharedSecret"}]}; site <id> reaches the bridge at BRIDGE_PUBLIC_URL/sites/<id>.' },
	PORT: { default: '3000', what: 'The port to listen on.' },
	HOST: { default: '127.0.0.1', what: 'The address to listen on (behind a reverse proxy: keep the loopback address).' },
	REDIS_URL: { what: 'redis:// or rediss://; needed to run more than one instance (shared sign-ins, tickets, limits).' },
	TRUST_PROXY: { default: '0', what: '1 behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto.' },
	BRIDGE_DATA_DIR: { default: '.data/bridge', what: 'Where a single instance without Redis keeps its store.' },
	SITE_CONFIG_TTL_SECONDS: { default: '30', what: 'After how long the site settings are fetched again, in the background (the copy in hand is served meanwhile).' },
	SIGN_IN_RATE_LIMIT: { default: '30', what: 'Sign-in and sign-out starts per client address per minute.' },
	PENDING_SIGN_IN_CAP: { default: '50000', what: 'Pending sign-ins kept at most; past it the oldest are dropped.' },
	BRIDGE_INSTANCE: { what: 'A name for this instance in its logs, when several run behind one load balancer.' },
	LOG_LEVEL: { default: 'info', what: 'fatal, error, warn, info, debug, trace or silent.' },
	METRICS_TOKEN: { what: 'At least 32 bytes: serves Prometheus metrics at /metrics to a scraper sending it as a bearer token. Unset: no metrics.' },
};

export type BridgeConfig = {
	/** The site this configuration serves, when the bridge serves several (BRIDGE_SITES_FILE). */
	site?: string;
	/** BRIDGE_SITES_FILE: the sites' file, read by sites.ts (wpUrl and sharedSecret are then empty here). */
	sitesFile?: string;
	publicUrl: string;
	wpUrl: string;
	sharedSecret: string;
	port: number;
	host: string;
	redisUrl: string | undefined;
	trustProxy: boolean;
	dataDir: string;
	siteConfigTtlMs: number;
	logLevel: string;
	/** Name of this instance in its logs (BRIDGE_INSTANCE), when several run behind one load balancer. */
	instance: string | undefined;
	/** Sign-in and sign-out starts per client IP per minute. */
	signInRateLimit: number;
	/** Pending sign-ins kept at most; past it the oldest are dropped. */
	pendingSignInCap: number;
	/** The bearer token of GET /metrics (METRICS_TOKEN); no metrics are served without one. */
	metricsToken: string | undefined;
	/** Whether cookies get the Secure flag: when browsers reach the bridge over https. */
	secureCookies: boolean;
};

/** Validates the environment; the error names the variable, so a bad start says what to fix. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): BridgeConfig {
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		const value = issue.code === 'invalid_type' && env[String(issue.path[0])] === undefined ? 'is required' : issue.message;
		throw new Error(`${String(issue.path[0])} ${value}`);
	}
	const e = parsed.data;
	if (e.BRIDGE_SITES_FILE && (e.WP_URL || e.BRIDGE_SHARED_SECRET)) throw new Error('BRIDGE_SITES_FILE names the sites: WP_URL and BRIDGE_SHARED_SECRET go in it, not beside it');
	if (!e.BRIDGE_SITES_FILE) {
		for (const name of ['WP_URL', 'BRIDGE_SHARED_SECRET'] as const) if (!e[name]) throw new Error(`${name} is required`);
	}
	const publicUrl = e.BRIDGE_PUBLIC_URL.replace(/\/+$/, '');
	return {
		publicUrl,
		sitesFile: e.BRIDGE_SITES_FILE,
		wpUrl: (e.WP_URL ?? '').replace(/\/+$/, ''),
		sharedSecret: e.BRIDGE_SHARED_SECRET ?? '',
		port: e.PORT,
		host: e.HOST,
		redisUrl: e.REDIS_URL,
		trustProxy: e.TRUST_PROXY,
		dataDir: e.BRIDGE_DATA_DIR,
		siteConfigTtlMs: e.SITE_CONFIG_TTL_SECONDS * 1000,
		logLevel: e.LOG_LEVEL,
		instance: e.BRIDGE_INSTANCE,
		signInRateLimit: e.SIGN_IN_RATE_LIMIT,
		pendingSignInCap: e.PENDING_SIGN_IN_CAP,
		metricsToken: e.METRICS_TOKEN,
		secureCookies: publicUrl.startsWith('https:'),
	};
}
