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
	ping(): Promise<void>;
	close(): Promise<void>;
}
