import { Redis } from 'ioredis';

import type { KeyValueStore } from './types.js';

const PREFIX = 'logto-bridge:';

/** Redis, shared by every bridge instance behind a load balancer. */
export class RedisStore implements KeyValueStore {
	readonly kind = 'redis';
	/** Shared with connect-redis, so sessions use the same connection. */
	readonly client: Redis;
	private sequence = 0;
	/** Whether close() ends the connection: a site's scoped view shares its parent's. */
	private readonly owner: boolean;

	constructor(
		url: string | Redis,
		readonly prefix = PREFIX,
	) {
		this.owner = typeof url === 'string';
		this.client = typeof url === 'string' ? new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true }) : url;
		// Connection errors surface on the commands (and in /readyz); keep them off stderr spam.
		if (this.owner) this.client.on('error', () => {});
	}

	/** The same Redis under a longer prefix (one site of several): its keys and groups cannot meet another's. */
	scoped(suffix: string): RedisStore {
		return new RedisStore(this.client, this.prefix + suffix);
	}

	async get(key: string) {
		return (await this.client.get(this.prefix + key)) ?? undefined;
	}

	async set(key: string, value: string, ttlSeconds: number) {
		await this.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
	}

	async setIfAbsent(key: string, value: string, ttlSeconds: number) {
		return (await this.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK';
	}

	async take(key: string) {
		// GETDEL is atomic on the server (Redis >= 6.2).
		return (await this.client.getdel(this.prefix + key)) ?? undefined;
	}

	async delete(key: string) {
		await this.client.del(this.prefix + key);
	}

	async setCapped(key: string, value: string, ttlSeconds: number, group: string, cap: number) {
		await this.client.set(this.prefix + key, value, 'EX', Math.max(1, Math.ceil(ttlSeconds)));
		await this.admit(key, ttlSeconds, group, cap);
	}

	/** Counts `key` (already written) in `group`; past `cap` the group's oldest keys are deleted. */
	async admit(key: string, ttlSeconds: number, group: string, cap: number) {
		const ttl = Math.max(1, Math.ceil(ttlSeconds));
		const index = `${this.prefix}group:${group}`;
		const now = Date.now();
		// Strictly increasing within this instance: equal scores would order by name, not by age.
		this.sequence = (this.sequence + 1) % 1000;
		// The group is a sorted set of its keys by time: expired ones leave it, the oldest past the cap are dropped.
		const results = await this.client
			.multi()
			.zadd(index, now + this.sequence / 1000, key)
			.zremrangebyscore(index, '-inf', now - ttl * 1000)
			.pexpire(index, ttl * 1000)
			.zcard(index)
			.exec();
		const size = Number(results?.[3]?.[1] ?? 0);
		if (size <= cap) return;
		const dropped = (await this.client.zpopmin(index, size - cap)).filter((_member, i) => i % 2 === 0);
		if (dropped.length) await this.client.del(...dropped.map((member) => this.prefix + member));
	}

	async increment(key: string, windowSeconds: number) {
		const results = await this.client
			.multi()
			.incr(this.prefix + key)
			.pexpire(this.prefix + key, windowSeconds * 1000, 'NX')
			.pttl(this.prefix + key)
			.exec();
		return { count: Number(results?.[0]?.[1] ?? 0), resetAt: Date.now() + Math.max(0, Number(results?.[2]?.[1] ?? 0)) };
	}

	async decrement(key: string) {
		await this.client.decr(this.prefix + key);
	}

	async ping() {
		await this.client.ping();
	}

	async close() {
		if (this.owner) this.client.disconnect();
	}
}
