/** Where the bridge keeps sessions, tickets and replay guards. Values are strings (JSON). */
export interface KeyValueStore {
	readonly kind: string;
	get(key: string): Promise<string | undefined>;
	set(key: string, value: string, ttlSeconds: number): Promise<void>;
	/** Sets only when the key does not exist; false when it did (replay guards). */
	setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
	/** Reads and deletes in one atomic step: of two concurrent takes, one wins. */
	take(key: string): Promise<string | undefined>;
	delete(key: string): Promise<void>;
	/**
	 * Sets `key` as one of the group `group`, which holds at most `cap` keys: past it, the
	 * oldest keys of the group are deleted (a flood cannot grow the store without bound).
	 */
	setCapped(key: string, value: string, ttlSeconds: number, group: string, cap: number): Promise<void>;
	/** Adds one to a counter that lives `windowSeconds` from its first hit (rate limits); never written to disk. */
	increment(key: string, windowSeconds: number): Promise<{ count: number; resetAt: number }>;
	/** Takes one back from a counter (express-rate-limit's skip of a request it counted). */
	decrement(key: string): Promise<void>;
	ping(): Promise<void>;
	close(): Promise<void>;
}
