import { ROUTES } from '@logto-bridge/contract';
import express, { type ErrorRequestHandler } from 'express';

import type { BridgeConfig } from './config.js';
import type { BridgeContext } from './context.js';
import { codeFor, oauthError, SignInError } from './errors.js';
import { seeOther } from './see-other.js';
import { ActivityReporter } from './activity.js';
import { createLogger } from './log.js';
import { METRICS_PATH, Metrics } from './metrics.js';
import { OidcClients } from './oidc.js';
import { PendingSignIns } from './pending-sign-in.js';
import { signInRateLimit } from './rate-limit.js';
import backchannelLogout from './routes/backchannel-logout.js';
import callback from './routes/callback.js';
import health from './routes/health.js';
import signIn from './routes/sign-in.js';
import signOut from './routes/sign-out.js';
import setup from './routes/setup.js';
import siteConfigRefresh from './routes/site-config-refresh.js';
import tickets from './routes/tickets.js';
import appTokens from './routes/app-tokens.js';
import { SITE_CONFIG_VERSION_KEY, SiteConfigError, SiteConfigSource } from './site-config.js';
import { createStore, type KeyValueStore } from './stores/index.js';
import { Tickets } from './tickets.js';
import { errorUrl } from './wordpress.js';

/** Wires the bridge: one context, the routes, and one error handler without stack traces. */
export function createApp(config: BridgeConfig, overrides: { store?: KeyValueStore } = {}) {
	const metrics = new Metrics();
	const store = metrics.countStoreErrors(overrides.store ?? createStore(config));
	// The embedded store belongs to one process; Redis may be shared by several instances.
	const site = new SiteConfigSource(config, store.kind === 'file' ? undefined : { version: () => store.get(SITE_CONFIG_VERSION_KEY) });
	const log = createLogger(config.logLevel, config.instance, config.site);
	const ctx: BridgeContext = {
		config,
		store,
		site,
		oidc: new OidcClients(),
		log,
		pending: new PendingSignIns(store, config),
		tickets: new Tickets(store, config.sharedSecret),
		rateLimit: signInRateLimit(store, config.signInRateLimit),
		metrics,
		activity: new ActivityReporter(config, site, log),
	};
	metrics.watchBreaker(() => ctx.oidc.breakerStates());
	ctx.site.onBackgroundError = (error) => ctx.log.warn({ step: 'site-config', detail: error.message }, 'refreshing the site settings failed; the copy in hand is kept');
	const app = express();
	app.disable('x-powered-by');
	if (config.trustProxy) app.set('trust proxy', 1);
	app.use(metrics.timing);
	// A stale copy of the site's settings is fetched after the response that found it stale.
	app.use((_req, res, next) => {
		res.once('finish', site.refreshIfDue);
		next();
	});
	app.get(METRICS_PATH, metrics.handler(config.metricsToken));
	// Routes straight on the app, not in nested routers: one less layer walk per request.
	health(app, ctx);
	signIn(app, ctx);
	callback(app, ctx);
	tickets(app, ctx);
	signOut(app, ctx);
	backchannelLogout(app, ctx);
	siteConfigRefresh(app, ctx);
	setup(app, ctx);
	appTokens(app, ctx);
	// Every failure of a browser-facing route ends here: one mapping to a wp-login.php code.
	const onError: ErrorRequestHandler = (error: Error, req, res, _next) => {
		const reason = codeFor(error);
		// Sign-ins only: a failed sign-out or server-to-server call is not a visitor refused.
		if (req.path === ROUTES.signIn || req.path === ROUTES.callback) {
			metrics.failure(reason);
			ctx.activity.refused(req.path === ROUTES.signIn ? 'sign-in' : 'callback', reason, res.locals.flow as string | undefined);
		}
		const expected = error instanceof SignInError || error instanceof SiteConfigError;
		// The reason is logged as `reason`: `code` is redacted, since OAuth codes travel under that name.
		const line = { flow: res.locals.flow as string | undefined, path: req.path, reason, detail: expected ? (error as SignInError).detail ?? error.message : error.message };
		if (oauthError(error) === 'invalid_client') {
			// The one failure only the admin can fix: say exactly what and where.
			ctx.log.error(line, 'Logto refused the app ID or secret (invalid_client): correct them in WordPress, Logto > Settings');
		} else if (expected) ctx.log.warn(line, 'sign-in failed');
		else ctx.log.error(line, 'unexpected error');
		if (res.headersSent) return;
		if (req.method !== 'GET') return void res.status(500).json({ error: 'server_error' });
		errorUrl(config, ctx.site, reason, res.locals.networkSite as string | undefined).then(
			(url) => seeOther(res, url),
			() => res.status(500).json({ error: 'server_error' }),
		);
	};
	app.use(onError);
	return { app, ctx };
}
