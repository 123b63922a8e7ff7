import { ROUTES } from '@logto-bridge/contract';
import type { IRouter } from 'express';

import { registeredUris, type BridgeContext } from '../context.js';
import { probeCredentials, probePostSignOutUri, probeRedirectUri } from '../logto-probes.js';
import { sendSigned, verifyFromWordPress } from '../s2s.js';
import { client } from '../oidc.js';
import { SIGNATURE_HEADER } from '../signature.js';

type Check = { id: string; ok: boolean; detail: string };

/** GET /healthz (the process is up) and GET /readyz (each dependency, item by item). */
export default function health(router: IRouter, ctx: BridgeContext): void {
	const { config, store, site, oidc } = ctx;
	router.get(ROUTES.healthz, (_req, res) => {
		res.json({ ok: true });
	});
	router.get(ROUTES.readyz, async (req, res) => {
		// Anyone may ask whether the bridge is ready; only WordPress (signed) learns URLs and error
		// texts, and only its request makes the bridge knock at Logto with the app's credentials.
		const signed = req.get(SIGNATURE_HEADER) ? await verifyFromWordPress(ctx, req, ROUTES.readyz, '') : undefined;
		const checks: Check[] = [];
		const run = async (id: string, fn: () => Promise<string>) => {
			try {
				checks.push({ id, ok: true, detail: await fn() });
				return true;
			} catch (error) {
				checks.push({ id, ok: false, detail: (error as Error).message });
				return false;
			}
		};
		await run('store', async () => {
			await store.ping();
			return `${store.kind} store reachable`;
		});
		let siteConfig: Awaited<ReturnType<typeof site.get>> | undefined;
		await run('wordpress', async () => {
			siteConfig = await site.get();
			return 'bridge config received from WordPress';
		});
		if (siteConfig) {
			const s = siteConfig;
			let jwksUri: string | undefined;
			let meta: client.ServerMetadata | undefined;
			await run('discovery', async () => {
				meta = (await oidc.get(s)).serverMetadata();
				jwksUri = meta.jwks_uri;
				return `issuer ${meta.issuer}`;
			});
			if (jwksUri) {
				const uri = jwksUri;
				await run('jwks', async () => {
					const res = await fetch(uri, { signal: AbortSignal.timeout(5000) });
					if (!res.ok) throw new Error(`JWKS answered ${res.status}`);
					const { keys } = (await res.json()) as { keys?: unknown[] };
					if (!keys?.length) throw new Error('JWKS has no keys');
					return `${keys.length} signing key(s)`;
				});
			}
			if (signed?.ok && meta) {
				const { token_endpoint: token, authorization_endpoint: auth, end_session_endpoint: endSession } = meta;
				const uris = registeredUris(config);
				if (token) await run('credentials', () => probeCredentials(s, token));
				if (auth) await run('redirect_uri', () => probeRedirectUri(s, auth, uris.redirectUri));
				if (endSession) await run('post_sign_out_uri', () => probePostSignOutUri(s, endSession, uris.postSignOutRedirectUri));
			}
		}
		const ok = checks.every((c) => c.ok);
		if (!signed?.ok) return res.status(ok ? 200 : 503).json({ ok, checks: checks.map(({ id, ok: itemOk }) => ({ id, ok: itemOk })) });
		// The URIs Logto must have registered, as this bridge serves them: the settings screen shows these.
		sendSigned(res, config.sharedSecret, ROUTES.readyz, signed.nonce, { ok, uris: registeredUris(config), checks }, ok ? 200 : 503);
	});
}
