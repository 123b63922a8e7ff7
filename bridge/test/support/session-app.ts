import type { AddressInfo } from 'node:net';

import express from 'express';

import { PendingSignIns, type PendingSignIn } from '../../src/pending-sign-in.js';
import { stamped } from '../../src/records.js';
import type { KeyValueStore } from '../../src/stores/index.js';

export const pending: PendingSignIn = { state: 's'.repeat(43), nonce: 'n', verifier: 'v', returnTo: 'http://127.0.0.1/', binding: 'b'.repeat(64), flow: 'f', startedAt: 0 };
/** `pending` as the store keeps it and a callback takes it: with its shape's version. */
export const taken = stamped(pending);

/**
 * PendingSignIns in a real express app over real HTTP, as the bridge mounts it: GET /start
 * starts a sign-in, GET /take?state= takes it and answers what it found (or null).
 */
export async function sessionApp(store: KeyValueStore, options: { secureCookies?: boolean; cap?: number } = {}) {
	// Takes wait here until `together` of them have loaded their session: truly concurrent callbacks.
	let together = 1;
	let arrived = 0;
	let release = () => {};
	let gate = Promise.resolve();
	const pendings = new PendingSignIns(store, { sharedSecret: 'x'.repeat(32), secureCookies: options.secureCookies ?? false, pendingSignInCap: options.cap ?? 50_000 });
	const app = express();
	app.use(pendings.middleware);
	app.get('/start', async (req, res) => {
		await pendings.start(req, { ...pending });
		res.end();
	});
	app.get('/take', async (req, res) => {
		if (++arrived === together) release();
		await gate;
		res.json((await pendings.take(req, res, req.query.state)) ?? null);
	});
	const server = app.listen(0, '127.0.0.1');
	await new Promise((resolve) => server.once('listening', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	/** The session cookie a start set, as a browser would send it back. */
	const start = async (cookie?: string) => {
		const res = await fetch(`${base}/start`, cookie ? { headers: { cookie } } : {});
		const setCookie = res.headers.getSetCookie()[0] ?? '';
		return { setCookie, cookie: setCookie.split(';')[0]! };
	};
	const take = async (cookie: string, state: string | null = pending.state) => {
		const res = await fetch(`${base}/take${state === null ? '' : `?state=${state}`}`, { headers: { cookie } });
		return { found: (await res.json()) as PendingSignIn | null, setCookie: res.headers.getSetCookie()[0] };
	};
	/** Runs `count` takes whose sessions are all loaded before any of them takes. */
	const takeAtOnce = async (count: number, cookie: string) => {
		together = count;
		arrived = 0;
		gate = new Promise((resolve) => (release = () => resolve()));
		const results = await Promise.all(Array.from({ length: count }, () => take(cookie)));
		together = 1;
		arrived = 0;
		gate = Promise.resolve();
		return results;
	};
	const close = () => {
		server.closeAllConnections();
		return new Promise((resolve) => server.close(resolve));
	};
	return { pendings, start, take, takeAtOnce, close };
}

/** The session id inside a signed express-session cookie (`name=s%3A<id>.<signature>`). */
export const sessionIdOf = (cookie: string) => /=s%3A([\w-]{43})\./.exec(cookie)?.[1];
