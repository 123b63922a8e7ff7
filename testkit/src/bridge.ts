import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express from 'express';

import { createApp } from '@logto-bridge/bridge/app';
import { loadConfig } from '@logto-bridge/bridge/config';
import { SIGNATURE_HEADER, sign, verify } from '@logto-bridge/bridge/signature';
import type { KeyValueStore } from '@logto-bridge/bridge/stores';
import { appRegistration } from '@logto-bridge/contract';

import { startIdp, type RunningIdp } from './idp.js';
import { freePort } from './ports.js';

export const SECRET = 'bridge-test-shared-secret-0123456789abcdef';
export const APP = { id: 'wp-bridge-test', secret: 'bridge-test-app-secret-0123456789' };

const listen = (app: express.Express, port: number) =>
	new Promise<Server>((resolve) => {
		const server = app.listen(port, '127.0.0.1', () => resolve(server));
	});
const close = (server: Server) =>
	new Promise<void>((resolve) => {
		server.closeAllConnections();
		server.close(() => resolve());
	});

/**
 * A stand-in for the plugin's two REST routes (the real ones come with the plugin): it
 * checks the bridge's signature like WordPress will, serves the site config and records
 * back-channel logouts.
 */
export async function startStandInWordPress(port: number, siteConfig: () => Record<string, unknown>) {
	const logouts: Array<{ sub: string; sid: string }> = [];
	const app = express();
	// WordPress answers ?rest_route= on every site; the bridge bootstraps through it.
	app.get('/', (req, res, next) => {
		if (req.query.rest_route !== '/logto-bridge/v1/bridge-config') return next();
		if (!verify(SECRET, req.get(SIGNATURE_HEADER), '').ok) return res.status(401).json({ code: 'invalid_signature' });
		res.json(siteConfig());
	});
	app.post('/wp-json/logto-bridge/v1/backchannel-logout', express.text({ type: '*/*' }), (req, res) => {
		if (!verify(SECRET, req.get(SIGNATURE_HEADER), req.body as string).ok) return res.status(401).end();
		logouts.push(JSON.parse(req.body as string));
		res.json({ ok: true });
	});
	const server = await listen(app, port);
	return { url: `http://127.0.0.1:${port}`, logouts, stop: () => close(server) };
}

export type System = {
	idp: RunningIdp;
	wp: Awaited<ReturnType<typeof startStandInWordPress>>;
	bridges: Array<{ url: string; store: KeyValueStore; stop: () => Promise<void> }>;
	stop(): Promise<void>;
};

/** The real idp, a stand-in WordPress, and one or more bridge instances (sharing REDIS_URL if given). */
export async function startSystem(
	options: { instances?: number; redisUrl?: string; extraParams?: Record<string, string>; site?: (wpUrl: string) => Record<string, unknown> } = {},
): Promise<System> {
	const [wpPort, ...bridgePorts] = await Promise.all([freePort(), ...Array.from({ length: options.instances ?? 1 }, () => freePort())]);
	// Every instance sits behind one public URL in production; here the first instance's URL is the registered one.
	const publicUrl = `http://127.0.0.1:${bridgePorts[0]}`;
	const dir = mkdtempSync(join(tmpdir(), 'bridge-test-'));
	const clientsFile = join(dir, 'clients.json');
	writeFileSync(clientsFile, JSON.stringify([appRegistration({ id: APP.id, secret: APP.secret, bridgeUrl: publicUrl })]));
	const idp = await startIdp({ IDP_CLIENTS_FILE: clientsFile });
	const wpUrl = `http://127.0.0.1:${wpPort}`;
	const wp = await startStandInWordPress(wpPort!, () => ({
		endpoint: idp.url,
		appId: APP.id,
		appSecret: APP.secret,
		scopes: 'openid profile email phone roles',
		extraParams: options.extraParams ?? {},
		siteUrl: `${wpUrl}/`,
		allowedReturnOrigins: [wpUrl],
		callbackUrl: `${wpUrl}/wp-login.php?action=logto-callback`,
		errorUrl: `${wpUrl}/wp-login.php`,
		restUrl: `${wpUrl}/wp-json/logto-bridge/v1/`,
		...options.site?.(wpUrl),
	}));
	const bridges = await Promise.all(
		bridgePorts.map(async (port) => {
			const config = loadConfig({
				BRIDGE_PUBLIC_URL: publicUrl,
				WP_URL: wpUrl,
				BRIDGE_SHARED_SECRET: SECRET,
				PORT: String(port),
				BRIDGE_DATA_DIR: join(dir, `bridge-${port}`),
				LOG_LEVEL: 'silent',
				...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
			});
			const { app, ctx } = createApp(config);
			const server = await listen(app, port!);
			return {
				url: `http://127.0.0.1:${port}`,
				store: ctx.store,
				stop: async () => {
					await close(server);
					await ctx.store.close();
				},
			};
		}),
	);
	return {
		idp,
		wp,
		bridges,
		async stop() {
			for (const b of bridges) await b.stop();
			await wp.stop();
			await idp.stop();
		},
	};
}

/** POSTs a redeem as WordPress does (signed unless told otherwise). */
export async function redeem(bridgeUrl: string, ticket: string, signature: string | null = 'valid') {
	const body = JSON.stringify({ ticket });
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature === 'valid') headers[SIGNATURE_HEADER] = sign(SECRET, body);
	else if (signature) headers[SIGNATURE_HEADER] = signature;
	return fetch(`${bridgeUrl}/tickets/redeem`, { method: 'POST', headers, body });
}
