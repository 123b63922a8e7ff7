import { createHmac } from 'node:crypto';

import { SIGN_IN_LIFETIME_SECONDS } from '@logto-bridge/contract';

import type { Request, RequestHandler, Response } from 'express';
import session from 'express-session';

import type { BridgeConfig } from './config.js';
import { randomToken } from './random-tokens.js';
import { readable, stamped, type Versioned } from './records.js';
import { createSessionStore, SESSION_PREFIX } from './session-stores.js';
import { sameSecret } from './signature.js';
import type { KeyValueStore } from './stores/index.js';

/** What /sign-in leaves for /callback: the values the code grant must be checked against. */
export type PendingSignIn = Versioned & {
	state: string;
	nonce: string;
	verifier: string;
	returnTo: string;
	/** SHA-256 of WordPress's binding cookie: the ticket only signs in the browser that has it. */
	binding: string;
	/** The number the visitor typed (E.164): the verified one must be the same. */
	phone?: string;
	/** The network site it started on (its URL in the site config's networkSites): the ticket goes back there. */
	site?: string;
	flow: string;
	startedAt: number;
};

declare module 'express-session' {
	interface SessionData {
		signIn: PendingSignIn;
	}
}

/** How long a visitor may take at Logto (typing a number, waiting for the SMS) before starting over. */
export const PENDING_TTL_SECONDS = SIGN_IN_LIFETIME_SECONDS;

/**
 * The pending sign-in between /sign-in and /callback, in an express-session session: one
 * signed, HttpOnly, SameSite=Lax cookie (`__Host-` and Secure over https), the record in the
 * bridge's store (Redis: start on one instance, finish on another), a new session at every
 * start, and a single use at the callback.
 */
export class PendingSignIns {
	readonly cookieName: string;
	/** express-session, mounted on /sign-in and /callback only: no other route reads or writes a session. */
	readonly middleware: RequestHandler;
	/** The cookie's attributes, for setting it and for clearing it. */
	private readonly cookie: { path: '/'; httpOnly: true; sameSite: 'lax'; secure: boolean };

	constructor(
		private readonly store: KeyValueStore,
		config: Pick<BridgeConfig, 'sharedSecret' | 'secureCookies'> & Partial<Pick<BridgeConfig, 'pendingSignInCap' | 'site'>>,
	) {
		// __Host- makes the browser refuse the cookie unless Secure, Path=/ and no Domain.
		// One name per site of a bridge serving several: a browser signing in on two keeps both.
		const name = `logto_bridge.signin${config.site ? `.${config.site}` : ''}`;
		this.cookieName = config.secureCookies ? `__Host-${name}` : name;
		// Path=/ whatever the bridge's public path: express-session only serves requests under
		// the cookie's path, and a proxy that strips a prefix would hide every session.
		this.cookie = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies };
		const sessions = session({
			name: this.cookieName,
			// Its own key: the shared secret itself never signs anything a browser holds.
			secret: createHmac('sha256', config.sharedSecret).update('logto-bridge session cookie').digest('base64url'),
			genid: randomToken,
			store: createSessionStore(store, config.pendingSignInCap ?? 50_000),
			resave: false,
			saveUninitialized: false,
			unset: 'destroy',
			cookie: { ...this.cookie, maxAge: PENDING_TTL_SECONDS * 1000 },
		});
		this.middleware = config.secureCookies
			? (req, res, next) => {
					// The public URL is https, so browsers reach us over TLS, whatever the last hop
					// from the proxy; without this express-session drops a Secure cookie on a plain hop.
					Object.defineProperty(req, 'secure', { value: true });
					sessions(req, res, next);
				}
			: sessions;
	}

	/**
	 * Keeps `pending` in a new session and saves it before the redirect. A session the browser
	 * brought is regenerated: its id is never reused (no fixation) and its sign-in ends. Every
	 * stored session holds a sign-in; without one, express-session has just made a new id
	 * itself (it never adopts an id it does not know), and regenerating would only repeat that.
	 */
	async start(req: Request, pending: PendingSignIn): Promise<void> {
		if (req.session.signIn) await settle((done) => req.session.regenerate(done));
		req.session.signIn = stamped(pending);
		await settle((done) => req.session.save(done));
	}

	/**
	 * The browser's pending sign-in if `state` is its state, and then never again: the
	 * session's record is taken from the store in one atomic step, so of a callback replayed,
	 * or sent twice at once, only the first finds it. A wrong state leaves it in place, so a
	 * forged callback cannot end a visitor's sign-in in progress. One written by a newer release
	 * (a rolling restart) is not misread: the visitor starts again.
	 */
	async take(req: Request, res: Response, state: unknown): Promise<PendingSignIn | undefined> {
		const pending = req.session?.signIn;
		if (!pending || !readable(pending) || typeof state !== 'string' || !sameSecret(pending.state, state)) return undefined;
		if ((await this.store.take(SESSION_PREFIX + req.sessionID)) === undefined) return undefined;
		await settle((done) => req.session.destroy(done));
		res.clearCookie(this.cookieName, this.cookie);
		return pending;
	}
}

/** A session method's callback as a promise (without util.promisify's per-call wrapper, a measurable cost here). */
const settle = (call: (done: (error?: unknown) => void) => void) => new Promise<void>((resolve, reject) => call((error) => (error ? reject(error) : resolve())));
