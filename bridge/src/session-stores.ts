import { RedisStore as ConnectRedisStore } from 'connect-redis';
import session, { type SessionData } from 'express-session';

import { RedisStore } from './stores/redis-store.js';
import type { KeyValueStore } from './stores/index.js';

/** Where sessions live in the bridge's store: `signin:<session id>`, under the same prefix as everything else. */
export const SESSION_PREFIX = 'signin:';
/** The capped group of pending sign-ins (KeyValueStore.setCapped). */
const GROUP = 'signin';

type Callback = (error?: unknown, session?: SessionData | null) => void;

const ttlOf = (sess: SessionData) => Math.max(1, Math.ceil((sess.cookie.maxAge ?? 0) / 1000));

/**
 * express-session's Store over the embedded store: its entries expire, are swept, compacted
 * and loaded line by line (FileStore), and they are capped like every pending sign-in.
 */
class KeyValueSessionStore extends session.Store {
	constructor(
		private readonly store: KeyValueStore,
		private readonly cap: number,
	) {
		super();
	}

	override get(sid: string, done: Callback): void {
		this.store.get(SESSION_PREFIX + sid).then((value) => done(null, value === undefined ? null : (JSON.parse(value) as SessionData)), done);
	}

	override set(sid: string, sess: SessionData, done?: (error?: unknown) => void): void {
		this.store.setCapped(SESSION_PREFIX + sid, JSON.stringify(sess), ttlOf(sess), GROUP, this.cap).then(() => done?.(), (error) => done?.(error));
	}

	override destroy(sid: string, done?: (error?: unknown) => void): void {
		this.store.delete(SESSION_PREFIX + sid).then(() => done?.(), (error) => done?.(error));
	}
}

/** connect-redis, with each new session counted in the capped group, so a flood cannot fill Redis either. */
class CappedRedisSessionStore extends ConnectRedisStore {
	constructor(
		private readonly store: RedisStore,
		private readonly cap: number,
	) {
		// No touch: a pending sign-in lives 15 minutes from its start, however often it is read.
		super({ client: store.client, prefix: store.prefix + SESSION_PREFIX, disableTouch: true });
	}

	override async set(sid: string, sess: SessionData, done?: (error?: unknown) => void) {
		try {
			await super.set(sid, sess);
			await this.store.admit(SESSION_PREFIX + sid, ttlOf(sess), GROUP, this.cap);
			done?.();
		} catch (error) {
			if (!done) throw error;
			done(error);
		}
	}
}

/** Sessions in the same backend as tickets and replay guards: Redis through connect-redis, or the embedded store. */
export function createSessionStore(store: KeyValueStore, cap: number): session.Store {
	return store instanceof RedisStore ? new CappedRedisSessionStore(store, cap) : new KeyValueSessionStore(store, cap);
}
