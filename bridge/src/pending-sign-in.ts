import { createHash } from 'node:crypto';

import { isToken } from '@logto-bridge/contract';
import type { Request, Response } from 'express';

import type { BridgeConfig } from './config.js';
import { randomToken, readCookie } from './hot-path.js';
import { sameSecret } from './signature.js';
import type { KeyValueStore } from './stores/index.js';

/** What /sign-in leaves for /callback: the values the code grant must be checked against. */
export type PendingSignIn = {
	state: string;
	nonce: string;
	verifier: string;
	returnTo: string;
	/** SHA-256 of WordPress's binding cookie: the ticket only signs in the browser that has it. */
	binding: string;
	/** The number the visitor typed (E.164): the verified one must be the same. */
	phone?: string;
	flow: string;
	startedAt: number;
};

/** How long a visitor may take at Logto (typing a number, waiting for the SMS) before starting over. */
export const PENDING_TTL_SECONDS = 15 * 60;

/**
 * The pending sign-in between /sign-in and /callback: a record in the store under a fresh
 * 256-bit id, and only that id in an HttpOnly, SameSite=Lax cookie of its own.
 *
 * Not express-session: on /sign-in its per-request work (session hashing, cookie signing,
 * wrapped res.end) alone held a redirect to 0.44 of bare express on the 2-core machine the
 * benchmark target was set on (measured in isolation; README, Auth bridge), and
 * the flow needs no more than this one record. What a session gave us is kept: a fresh id
 * at every sign-in start (never one the browser sent, so no fixation), the cookie flags,
 * and the record in the shared store (Redis: start on one instance, finish on another).
 * The store key is a hash of the id, so a store dump holds no usable cookie.
 */
export class PendingSignIns {
	readonly cookieName: string;
	private readonly attributes: string;
	private readonly cap: number;

	constructor(
		private readonly store: KeyValueStore,
		config: Pick<BridgeConfig, 'publicUrl' | 'secureCookies'> & Partial<Pick<BridgeConfig, 'pendingSignInCap'>>,
	) {
		this.cap = config.pendingSignInCap ?? 50_000;
		const path = new URL(config.publicUrl).pathname.replace(/\/+$/, '') || '/';
		// __Host- makes the browser refuse the cookie unless Secure, Path=/ and no Domain.
		this.cookieName = config.secureCookies && path === '/' ? '__Host-logto_bridge.signin' : 'logto_bridge.signin';
		this.attributes = `Path=${path}; HttpOnly; SameSite=Lax${config.secureCookies ? '; Secure' : ''}`;
	}

	/** Keeps `pending` under a new id and sets the cookie; the browser's previous pending sign-in is dropped. */
	async start(req: Request, res: Response, pending: PendingSignIn): Promise<void> {
		const previous = this.idFrom(req);
		const id = randomToken();
		// Capped: past the cap the oldest pending sign-ins are dropped, so a flood cannot fill the store.
		await this.store.setCapped(key(id), JSON.stringify(pending), PENDING_TTL_SECONDS, 'signin', this.cap);
		if (previous) await this.store.delete(key(previous));
		res.append('Set-Cookie', `${this.cookieName}=${id}; Max-Age=${PENDING_TTL_SECONDS}; ${this.attributes}`);
	}

	/**
	 * The browser's pending sign-in if `state` is its state, read and deleted in one atomic
	 * step, and the cookie cleared: of a callback replayed, or sent twice at once, only the
	 * first finds it. A wrong state leaves it in place, so a forged callback cannot end a
	 * visitor's sign-in in progress.
	 */
	async take(req: Request, res: Response, state: unknown): Promise<PendingSignIn | undefined> {
		const id = this.idFrom(req);
		if (!id || typeof state !== 'string') return undefined;
		const stored = await this.store.get(key(id));
		const pending = stored === undefined ? undefined : (JSON.parse(stored) as PendingSignIn);
		if (!pending || !sameSecret(pending.state, state)) return undefined;
		// An id is never written twice, so what take() removes is what was just read.
		if ((await this.store.take(key(id))) === undefined) return undefined;
		res.append('Set-Cookie', `${this.cookieName}=; Max-Age=0; ${this.attributes}`);
		return pending;
	}

	private idFrom(req: Request): string | undefined {
		const value = readCookie(req, this.cookieName);
		return isToken(value) ? value : undefined;
	}
}

const key = (id: string) => `signin:${createHash('sha256').update(id).digest('base64url')}`;
