import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

import { ROUTES } from '@logto-bridge/contract';

import { createApp } from './app.js';
import type { BridgeConfig } from './config.js';
import { SITES_PATH } from './sites.js';
import { createStore, type KeyValueStore } from './stores/index.js';
import { siteStore } from './stores/site-store.js';

const SITE_URL = new RegExp(`^${SITES_PATH}/([a-z0-9-]+)(/.*)?$`);

/**
 * One bridge for several WordPress sites: each site gets the whole bridge of its own (its
 * secret, Logto app, settings, logs, metrics and rate limits) at `/sites/<id>`, over one store
 * connection in which its keys are its own (stores/site-store.ts). The site is read off the path
 * and found in a map, and its app gets the request with the prefix taken off: no second express
 * in front (that cost a tenth of the requests per second), and a hundred sites cost a request
 * no more than one.
 */
export function createSitesApp(configs: BridgeConfig[], overrides: { store?: KeyValueStore } = {}) {
	const shared = overrides.store ?? createStore(configs[0]!);
	const sites = new Map(configs.map((config) => [config.site!, createApp(config, { store: siteStore(shared, config.site!) })]));
	const handler = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
		const url = req.url ?? '/';
		if (url === ROUTES.healthz) return json(res, 200, { ok: true });
		const match = SITE_URL.exec(url);
		const site = match ? sites.get(match[1]!) : undefined;
		if (!site) return json(res, 404, { error: 'unknown_site' });
		// The site's routes see their own paths; the callback rebuilds its URL from originalUrl.
		req.originalUrl = url;
		req.url = match![2] ?? '/';
		site.app(req, res);
	};
	const app = Object.assign(handler, {
		listen: (port: number, host: string, ready?: () => void): Server => createServer(handler).listen(port, host, ready),
	});
	return { app, sites, store: shared };
}

const json = (res: ServerResponse, status: number, body: unknown) => {
	res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
};
