import { RedisStore } from './redis-store.js';
import type { KeyValueStore } from './types.js';

/**
 * One site's view of a store several sites share (one bridge serving several WordPress sites):
 * every key and group it names is under `site:<id>:`, so a site can never read, take or
 * overwrite another's sign-ins, tickets, replay guards, rate-limit counters or settings version.
 * Closing it leaves the shared store open: the bridge closes that once.
 */
export function siteStore(shared: KeyValueStore, site: string): KeyValueStore {
	const prefix = `site:${site}:`;
	// Redis: the same connection under a longer prefix, so sessions keep connect-redis.
	if (shared instanceof RedisStore) return shared.scoped(prefix);
	const k = (key: string) => prefix + key;
	return {
		kind: shared.kind,
		get: (key) => shared.get(k(key)),
		set: (key, value, ttl) => shared.set(k(key), value, ttl),
		setIfAbsent: (key, value, ttl) => shared.setIfAbsent(k(key), value, ttl),
		take: (key) => shared.take(k(key)),
		delete: (key) => shared.delete(k(key)),
		setCapped: (key, value, ttl, group, cap) => shared.setCapped(k(key), value, ttl, k(group), cap),
		increment: (key, windowSeconds) => shared.increment(k(key), windowSeconds),
		decrement: (key) => shared.decrement(k(key)),
		ping: () => shared.ping(),
		close: async () => {},
	};
}
