import { ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';

import type { BridgeContext } from '../context.js';
import { randomToken } from '../random-tokens.js';
import { signedPost } from '../s2s.js';
import { SITE_CONFIG_VERSION_KEY } from '../site-config.js';

/**
 * POST /site-config/refresh (HMAC-signed by WordPress, answered signed): WordPress has saved its
 * settings, so the cached copy is dropped and the new one fetched at once. Instances that share
 * the store (Redis) see the new version and drop theirs too.
 */
export default function siteConfigRefresh(router: IRouter, ctx: BridgeContext): void {
	const { site, store, log } = ctx;
	router.post(ROUTES.siteConfigRefresh, express.text({ type: '*/*', limit: '1kb' }), async (req, res, next) => {
		try {
			const signed = await signedPost(ctx, req, res, ROUTES.siteConfigRefresh, 'site-config');
			if (!signed) return;
			await store.set(SITE_CONFIG_VERSION_KEY, randomToken(), 30 * 24 * 3600);
			site.invalidate();
			// Fetched now, not by the next visitor (the other instances fetch theirs at their next use).
			site.prefetch();
			log.info({ step: 'site-config' }, 'WordPress saved its settings; cached copy dropped');
			signed.answer(200, { ok: true });
		} catch (error) {
			next(error);
		}
	});
}
