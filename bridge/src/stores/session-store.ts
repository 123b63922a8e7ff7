import session from 'express-session';

import type { KeyValueStore } from './types.js';

const DEFAULT_TTL_SECONDS = 600;

/** express-session on top of our key-value store, so sessions live where tickets live. */
export class KeyValueSessionStore extends session.Store {
	constructor(private readonly kv: KeyValueStore) {
		super();
	}

	private ttl(sess: session.SessionData): number {
		const maxAge = sess.cookie?.maxAge;
		return typeof maxAge === 'number' ? Math.max(1, Math.ceil(maxAge / 1000)) : DEFAULT_TTL_SECONDS;
	}

	override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
		this.kv.get(`sess:${sid}`).then(
			(value) => callback(null, value ? (JSON.parse(value) as session.SessionData) : null),
			(error: unknown) => callback(error),
		);
	}

	override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
		this.kv.set(`sess:${sid}`, JSON.stringify(sess), this.ttl(sess)).then(() => callback?.(), (error: unknown) => callback?.(error));
	}

	override destroy(sid: string, callback?: (err?: unknown) => void): void {
		this.kv.delete(`sess:${sid}`).then(() => callback?.(), (error: unknown) => callback?.(error));
	}

	override touch(sid: string, sess: session.SessionData, callback?: () => void): void {
		this.set(sid, sess, () => callback?.());
	}
}
