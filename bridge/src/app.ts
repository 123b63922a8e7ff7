import { createHmac } from 'node:crypto';

import express, { type ErrorRequestHandler } from 'express';
import session from 'express-session';

import type { BridgeConfig } from './config.js';
import { loginErrorUrl, type BridgeContext } from './context.js';
import { createLogger } from './log.js';
import { OidcClients } from './oidc.js';
import backchannelLogout from './routes/backchannel-logout.js';
import callback from './routes/callback.js';
import health from './routes/health.js';
import signIn from './routes/sign-in.js';
import signOut from './routes/sign-out.js';
import tickets from './routes/tickets.js';
import { SiteConfigSource } from './site-config.js';
import { createStore, KeyValueSessionStore, type KeyValueStore } from './stores/index.js';

/** Wires the bridge: one context, the session, the routes, and an error handler without stack traces. */
export function createApp(config: BridgeConfig, overrides: { store?: KeyValueStore } = {}) {
	const store = overrides.store ?? createStore(config);
	const ctx: BridgeContext = { config, store, site: new SiteConfigSource(config), oidc: new OidcClients(), log: createLogger(config.logLevel) };
	const app = express();
	app.disable('x-powered-by');
	if (config.trustProxy) app.set('trust proxy', 1);
	app.use(
		session({
			name: 'logto_bridge.sid',
			// Derived, so the shared secret itself never signs cookies.
			secret: createHmac('sha256', config.sharedSecret).update('session-cookie').digest('hex'),
			store: new KeyValueSessionStore(store),
			resave: false,
			saveUninitialized: false,
			cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, maxAge: 15 * 60_000, path: '/' },
		}),
	);
	app.use(health(ctx));
	app.use(signIn(ctx));
	app.use(callback(ctx));
	app.use(tickets(ctx));
	app.use(signOut(ctx));
	app.use(backchannelLogout(ctx));
	const onError: ErrorRequestHandler = (error: Error, req, res, _next) => {
		ctx.log.error({ path: req.path, err: error.message }, 'unexpected error');
		if (res.headersSent) return;
		if (req.method === 'GET') res.redirect(303, loginErrorUrl(config, 'idp_error'));
		else res.status(500).json({ error: 'server_error' });
	};
	app.use(onError);
	return { app, ctx };
}
