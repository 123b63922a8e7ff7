import { ROUTES } from '@logto-bridge/contract';
import express from 'express';

import { createApp } from './app.js';
import type { BridgeConfig } from './config.js';
import { SITES_PATH } from './sites.js';
import { createStore, type KeyValueStore } from './stores/index.js';
import { siteStore } from './stores/site-store.js';

/**
 * One bridge for several WordPress sites: each site gets the whole bridge of its own (its
 * secret, Logto app, settings, logs, metrics and rate limits) at `/sites/<id>`, over one store
 * connection in which its keys are its own (stores/site-store.ts). A site is found by a map
 * lookup, so a hundred sites cost a request no more than one.
 */
export function createSitesApp(configs: BridgeConfig[], overrides: { store?: KeyValueStore } = {}) {
	const shared = overrides.store ?? createStore(configs[0]!);
	const sites = new Map(configs.map((config) => [config.site!, createApp(config, { store: siteStore(shared, config.site!) })]));
	const app = express();
	app.disable('x-powered-by');
	app.get(ROUTES.healthz, (_req, res) => {
		res.json({ ok: true });
	});
	app.use(`${SITES_PATH}/:site`, (req, res, next) => {
		const site = sites.get(req.params.site!);
		if (!site) return void res.status(404).json({ error: 'unknown_site' });
		site.app(req, res, next);
	});
	return { app, sites, store: shared };
}
