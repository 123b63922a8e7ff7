import type { SignInErrorCode } from '@logto-bridge/contract';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

import { sameSecret } from './signature.js';
import type { KeyValueStore } from './stores/index.js';

export const METRICS_PATH = '/metrics';

/** Seconds: a visitor-facing hop is a few ms; Logto's token endpoint can take seconds when slow. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * What an operator watches (Prometheus text at GET /metrics, only with METRICS_TOKEN set and sent
 * as a bearer token): sign-ins started, completed and failed by reason, each route's latency,
 * Logto's token endpoint, the Logto breaker and store errors. One registry per app, so two
 * bridges in one process (tests) never mix their counts. Labels are bounded: route patterns,
 * error codes of the contract, store operations, the Logto endpoints of this site.
 */
export class Metrics {
	readonly registry = new Registry();
	readonly started = new Counter({ name: 'logto_bridge_sign_ins_started_total', help: 'Sign-ins sent to Logto.', registers: [this.registry] });
	readonly completed = new Counter({ name: 'logto_bridge_sign_ins_completed_total', help: 'Sign-ins back from Logto with a ticket for WordPress.', registers: [this.registry] });
	readonly failed = new Counter({ name: 'logto_bridge_sign_ins_failed_total', help: 'Sign-ins that failed, by the reason WordPress shows.', labelNames: ['reason'], registers: [this.registry] });
	readonly requests = new Histogram({ name: 'logto_bridge_http_request_duration_seconds', help: 'Time to answer a request, by route.', labelNames: ['route', 'method', 'status'], buckets: BUCKETS, registers: [this.registry] });
	readonly tokenEndpoint = new Histogram({ name: 'logto_bridge_logto_token_duration_seconds', help: "Logto's token endpoint (the code exchange), by outcome.", labelNames: ['outcome'], buckets: BUCKETS, registers: [this.registry] });
	readonly userinfo = new Histogram({ name: 'logto_bridge_logto_userinfo_duration_seconds', help: "Logto's userinfo, asked only when the ID token lacks a granted claim, by outcome.", labelNames: ['outcome'], buckets: BUCKETS, registers: [this.registry] });
	/** Read when scraped, never pushed: each Logto the breaker watches, open or not. */
	private breakerStates: () => Array<{ url: string; open: boolean }> = () => [];
	readonly breakerOpen: Gauge<'logto'> = new Gauge({
		name: 'logto_bridge_logto_breaker_open',
		help: '1 while Logto is taken as down (no visitor is sent there), else 0.',
		labelNames: ['logto'],
		registers: [this.registry],
		collect: () => {
			this.breakerOpen.reset();
			for (const { url, open } of this.breakerStates()) this.breakerOpen.set({ logto: new URL(url).origin }, open ? 1 : 0);
		},
	});
	readonly storeErrors = new Counter({ name: 'logto_bridge_store_errors_total', help: 'Store operations that failed (Redis or the file store).', labelNames: ['operation'], registers: [this.registry] });

	constructor() {
		// Memory, CPU and event-loop lag of this process (what a soak watches).
		collectDefaultMetrics({ register: this.registry, prefix: 'logto_bridge_' });
	}

	watchBreaker(states: () => Array<{ url: string; open: boolean }>): void {
		this.breakerStates = states;
	}

	failure(reason: SignInErrorCode): void {
		this.failed.inc({ reason });
	}

	/** Times `fn` under `histogram`, labelled ok or error. */
	async time<T>(histogram: Histogram<'outcome'>, fn: () => Promise<T>): Promise<T> {
		const end = histogram.startTimer();
		try {
			const value = await fn();
			end({ outcome: 'ok' });
			return value;
		} catch (error) {
			end({ outcome: 'error' });
			throw error;
		}
	}

	/** Times every request by its route's pattern (never its URL: that would be a label per visitor). */
	readonly timing: RequestHandler = (req, res, next) => {
		const end = this.requests.startTimer();
		res.once('finish', () => {
			const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
			end({ route, method: req.method, status: String(res.statusCode) });
		});
		next();
	};

	/** GET /metrics: 404 while no token is configured (off), 401 without the right bearer token. */
	handler(token: string | undefined): RequestHandler {
		return async (req, res) => {
			if (!token) return void res.status(404).json({ error: 'not_found' });
			const sent = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
			if (!sameSecret(sent, token)) {
				res.set('www-authenticate', 'Bearer realm="logto-bridge metrics"');
				return void res.status(401).json({ error: 'unauthorized' });
			}
			res.set('content-type', this.registry.contentType);
			res.set('cache-control', 'no-store');
			res.send(await this.registry.metrics());
		};
	}

	/** The store, with each failed operation counted (the error itself still reaches the caller). */
	countStoreErrors(store: KeyValueStore): KeyValueStore {
		const errors = this.storeErrors;
		return new Proxy(store, {
			get(target, prop, receiver) {
				const value = Reflect.get(target, prop, receiver) as unknown;
				if (typeof value !== 'function' || prop === 'close') return value;
				return (...args: unknown[]) => {
					try {
						const result = (value as (...a: unknown[]) => unknown).apply(target, args);
						return result instanceof Promise
							? result.catch((error: unknown) => {
									errors.inc({ operation: String(prop) });
									throw error;
								})
							: result;
					} catch (error) {
						errors.inc({ operation: String(prop) });
						throw error;
					}
				};
			},
		});
	}
}
