import type { RequestHandler } from 'express';
import { rateLimit, type IncrementResponse, type Options, type Store } from 'express-rate-limit';

import type { KeyValueStore } from './stores/index.js';

/** express-rate-limit's counters in the bridge's own store: in Redis, the limit holds across instances. */
class SharedCounters implements Store {
	readonly localKeys = false;
	readonly prefix = 'rate:';
	private windowSeconds = 60;

	constructor(private readonly store: KeyValueStore) {}

	init(options: Options): void {
		this.windowSeconds = Math.ceil(options.windowMs / 1000);
	}

	async increment(key: string): Promise<IncrementResponse> {
		const { count, resetAt } = await this.store.increment(this.prefix + key, this.windowSeconds);
		return { totalHits: count, resetTime: new Date(resetAt) };
	}

	async decrement(key: string): Promise<void> {
		await this.store.decrement(this.prefix + key);
	}

	async resetKey(key: string): Promise<void> {
		await this.store.delete(this.prefix + key);
	}
}

/**
 * Sign-in and sign-out starts per client IP per minute (the proxy's X-Forwarded-For only
 * when TRUST_PROXY says so): an unauthenticated flood gets short 429s, which write nothing.
 */
export function signInRateLimit(store: KeyValueStore, perMinute: number): RequestHandler {
	return rateLimit({
		windowMs: 60_000,
		limit: perMinute,
		// No RateLimit headers on every redirect (a measurable share of a sign-in start); the
		// refusal says when to come back.
		standardHeaders: false,
		legacyHeaders: false,
		store: new SharedCounters(store),
		handler: (req, res) => {
			const resetTime = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
			res.setHeader('Retry-After', String(Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + 60_000) - Date.now()) / 1000))));
			res.status(429).type('text').send('Too many sign-in attempts from your network. Please wait a minute and try again.');
		},
	});
}
