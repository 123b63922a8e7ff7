import { Redis } from 'ioredis';

import type { KeyValueStore } from './types.js';

const PREFIX = 'logto-bridge:';

/** Redis, shared by every bridge instance behind a load balancer. */
export class RedisStore implements KeyValueStore {
	readonly kind = 'redis';
	private readonly redis: Redis;

	constructor(url: string) {
		this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
		// Connection errors surface on the commands (and in /readyz); keep them off stderr spam.
		this.redis.on('error', () => {});
	}

	async get(key: string) {
		return (await this.redis.get(PREFIX + key)) ?? undefined;
	}

	async set(key: string, value: string, ttlSeconds: number) {
		await this.redis.set(PREFIX + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
	}

	async setIfAbsent(key: string, value: string, ttlSeconds: number) {
		return (await this.redis.set(PREFIX + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
	}

	async take(key: string) {
		// GETDEL is atomic on the server (Redis >= 6.2).
		return (await this.redis.getdel(PREFIX + key)) ?? undefined;
	}

	async delete(key: string) {
		await this.redis.del(PREFIX + key);
	}

	async ping() {
		await this.redis.ping();
	}

	async close() {
		this.redis.disconnect();
	}
}
