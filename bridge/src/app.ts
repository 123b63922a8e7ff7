import express, { type ErrorRequestHandler } from 'express';

import type { BridgeConfig } from './config.js';
import { loginErrorUrl, type BridgeContext } from './context.js';
import { createLogger } from './log.js';
import { OidcClients } from './oidc.js';
import { PendingSignIns } from './pending-sign-in.js';
import { seeOther } from './redirect.js';
import backchannelLogout from './routes/backchannel-logout.js';
import callback from './routes/callback.js';
import health from './routes/health.js';
import signIn from './routes/sign-in.js';
import signOut from './routes/sign-out.js';
import tickets from './routes/tickets.js';
import { SiteConfigSource } from './site-config.js';
import { createStore, type KeyValueStore } from './stores/index.js';

/** Wires the bridge: one context, the routes, and an error handler without stack traces. */
export function createApp(config: BridgeConfig, overrides: { store?: KeyValueStore } = {}) {
	const store = overrides.store ?? createStore(config);
	const ctx: BridgeContext = {
		config,
		store,
		site: new SiteConfigSource(config),
		oidc: new OidcClients(),
		log: createLogger(config.logLevel),
		pending: new PendingSignIns(store, config),
	};
	const app = express();
	app.disable('x-powered-by');
	if (config.trustProxy) app.set('trust proxy', 1);
	// Routes straight on the app, not in nested routers: one less layer walk per request.
	health(app, ctx);
	signIn(app, ctx);
	callback(app, ctx);
	tickets(app, ctx);
	signOut(app, ctx);
	backchannelLogout(app, ctx);
	const onError: ErrorRequestHandler = (error: Error, req, res, _next) => {
		ctx.log.error({ path: req.path, err: error.message }, 'unexpected error');
		if (res.headersSent) return;
		if (req.method === 'GET') seeOther(res, loginErrorUrl(config, 'idp_error'));
		else res.status(500).json({ error: 'server_error' });
	};
	app.use(onError);
	return { app, ctx };
}
