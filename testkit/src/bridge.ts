import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express from 'express';

import { createApp } from '@logto-bridge/bridge/app';
import { loadConfig } from '@logto-bridge/bridge/config';
import { RESPONSE, SIGNATURE_HEADER, sign, verify } from '@logto-bridge/bridge/signature';
import type { BridgeContext } from '@logto-bridge/bridge/context';
import type { KeyValueStore } from '@logto-bridge/bridge/stores';
import { appRegistration, WP_REST_NAMESPACE, wpRestPath } from '@logto-bridge/contract';

import type { Browser } from './browser.js';
import { signInUrl } from './bridge-urls.js';
import { startIdp, type RunningIdp } from './idp.js';
import { formAction, inputValue, lastCode } from './pages.js';
import { freePorts } from './ports.js';

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
 * A stand-in for the plugin's REST routes the bridge calls (the real ones come with the plugin):
 * it checks the bridge's signature like WordPress will, serves the site config and records
 * back-channel logouts and activity reports.
 */
export async function startStandInWordPress(port: number, siteConfig: () => Record<string, unknown>, answerSecret?: string, secret = SECRET) {
	const logouts: Array<{ sub: string; sid: string }> = [];
	const activity: Array<{ events: Array<Record<string, unknown>> }> = [];
	const app = express();
	const seen = new Set<string>();
	/** Checks a bridge request like the plugin: the signature over method, route and body, and a fresh nonce. */
	const signed = (req: express.Request, path: string, body: string) => {
		const check = verify(secret, req.get(SIGNATURE_HEADER), { method: req.method, path, body });
		if (!check.ok || seen.has(check.nonce)) return undefined;
		seen.add(check.nonce);
		return check.nonce;
	};
	// WordPress answers ?rest_route= on every site; the bridge bootstraps through it.
	app.post('/', express.text({ type: '*/*' }), (req, res, next) => {
		const path = wpRestPath('siteConfig');
		if (req.query.rest_route !== path) return next();
		const nonce = signed(req, path, typeof req.body === 'string' ? req.body : '');
		if (!nonce) return res.status(401).json({ code: 'invalid_signature' });
		// Signed inside the answer, as the plugin does (WordPress re-encodes a route's JSON).
		const payload = JSON.stringify(siteConfig());
		res.json({ payload, signature: sign(answerSecret ?? secret, { method: RESPONSE, path, body: payload }, { nonce }) });
	});
	app.post(`/wp-json${wpRestPath('backchannelLogout')}`, express.text({ type: '*/*' }), (req, res) => {
		if (!signed(req, wpRestPath('backchannelLogout'), req.body as string)) return res.status(401).end();
		logouts.push(JSON.parse(req.body as string));
		res.json({ ok: true });
	});
	app.post(`/wp-json${wpRestPath('activity')}`, express.text({ type: '*/*' }), (req, res) => {
		if (!signed(req, wpRestPath('activity'), req.body as string)) return res.status(401).end();
		activity.push(JSON.parse(req.body as string));
		res.json({ recorded: activity.at(-1)!.events.length });
	});
	const server = await listen(app, port);
	return { url: `http://127.0.0.1:${port}`, logouts, activity, stop: () => close(server) };
}

export type System = {
	idp: RunningIdp;
	wp: Awaited<ReturnType<typeof startStandInWordPress>>;
	bridges: Array<{ url: string; store: KeyValueStore; ctx: BridgeContext; stop: () => Promise<void> }>;
	stop(): Promise<void>;
};

/** The real idp, a stand-in WordPress, and one or more bridge instances (sharing REDIS_URL if given). */
export async function startSystem(
	options: {
		instances?: number;
		redisUrl?: string;
		extraParams?: Record<string, string>;
		site?: (wpUrl: string) => Record<string, unknown>;
		/** Sign-in starts per client IP per minute (high by default). */
		rateLimit?: number;
		/** The secret the stand-in WordPress signs its answers with, when it must not be the shared one. */
		standInAnswerSecret?: string;
		/** More of the bridge's environment (e.g. METRICS_TOKEN). */
		env?: Record<string, string>;
	} = {},
): Promise<System> {
	const [idpPort, wpPort, ...bridgePorts] = await freePorts(2 + (options.instances ?? 1));
	// Every instance sits behind one public URL in production; here the first instance's URL is the registered one.
	const publicUrl = `http://127.0.0.1:${bridgePorts[0]}`;
	const dir = mkdtempSync(join(tmpdir(), 'bridge-test-'));
	const clientsFile = join(dir, 'clients.json');
	writeFileSync(clientsFile, JSON.stringify([appRegistration({ id: APP.id, secret: APP.secret, bridgeUrl: publicUrl })]));
	const idp = await startIdp({ IDP_CLIENTS_FILE: clientsFile, IDP_PORT: String(idpPort) });
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
		restUrl: `${wpUrl}/wp-json/${WP_REST_NAMESPACE}/`,
		...options.site?.(wpUrl),
	}), options.standInAnswerSecret);
	const bridges = await Promise.all(
		bridgePorts.map(async (port) => {
			const config = loadConfig({
				BRIDGE_PUBLIC_URL: publicUrl,
				WP_URL: wpUrl,
				BRIDGE_SHARED_SECRET: SECRET,
				PORT: String(port),
				BRIDGE_DATA_DIR: join(dir, `bridge-${port}`),
				LOG_LEVEL: 'silent',
				// The tests sign in far more often than a visitor; the limit itself is tested on its own.
				SIGN_IN_RATE_LIMIT: String(options.rateLimit ?? 100_000),
				...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
				...options.env,
			});
			const { app, ctx } = createApp(config);
			const server = await listen(app, port!);
			return {
				url: `http://127.0.0.1:${port}`,
				store: ctx.store,
				ctx,
				stop: async () => {
					await close(server);
					ctx.oidc.close();
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

/** POSTs a redeem as WordPress does (signed with `secret` unless told otherwise; `header` replaces the signature). */
export async function redeem(bridgeUrl: string, ticket: string, signature: string | null = 'valid', secret = SECRET) {
	const body = JSON.stringify({ ticket });
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (signature === 'valid') headers[SIGNATURE_HEADER] = sign(secret, { method: 'POST', path: '/tickets/redeem', body });
	else if (signature) headers[SIGNATURE_HEADER] = signature;
	return fetch(`${bridgeUrl}/tickets/redeem`, { method: 'POST', headers, body });
}

/** Drives a phone sign-in through the real idp pages; returns the WordPress URL the bridge sent the browser to. */
export async function signInByPhone(sys: System, browser: Browser, phone: string, returnTo: string): Promise<string> {
	return signInByPhoneAt({ bridge: sys.bridges[0]!.url, wp: sys.wp.url, idp: sys.idp }, browser, phone, returnTo);
}

/** signInByPhone through any bridge URL (one site of several) to its WordPress. */
export async function signInByPhoneAt(at: { bridge: string; wp: string; idp: RunningIdp }, browser: Browser, phone: string, returnTo: string): Promise<string> {
	const isWordPress = (u: string) => u.startsWith(`${at.wp}/wp-login.php`);
	const start = signInUrl(at.bridge, { returnTo, phone });
	const signInPage = await browser.follow(start);
	if (inputValue(signInPage.html, 'phone') !== phone) {
		// Where the browser ended up says which part refused (a bridge error goes to WordPress's login URL).
		throw new Error(`the idp does not show the phone screen with the number filled in: ${signInPage.status} at ${signInPage.url} ${signInPage.html.slice(0, 300)}`);
	}
	const idp = at.idp.url;
	const codePage = await browser.follow(`${idp}${formAction(signInPage.html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
	const next = await browser.follow(`${idp}${formAction(codePage.html, '/code')}`, isWordPress, { form: { code: lastCode(at.idp.config.sms.outbox, phone) } });
	if (isWordPress(next.url)) return next.url;
	return (await browser.follow(`${idp}${formAction(next.html, '/register')}`, isWordPress, { form: {} })).url;
}
