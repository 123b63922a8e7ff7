import { ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';

import type { BridgeContext } from '../context.js';
import { signedPost } from '../s2s.js';

/**
 * POST /site-config/refresh (HMAC-signed by WordPress, answered signed): WordPress has saved its
 * settings, so the cached copy is dropped and the next sign-in reads them. With several
 * instances, the others pick the change up within SITE_CONFIG_TTL_SECONDS.
 */
export default function siteConfigRefresh(router: IRouter, ctx: BridgeContext): void {
	const { site, log } = ctx;
	router.post(ROUTES.siteConfigRefresh, express.text({ type: '*/*', limit: '1kb' }), async (req, res, next) => {
		try {
			const signed = await signedPost(ctx, req, res, ROUTES.siteConfigRefresh, 'site-config');
			if (!signed) return;
			site.invalidate();
			log.info({ step: 'site-config' }, 'WordPress saved its settings; cached copy dropped');
			signed.answer(200, { ok: true });
		} catch (error) {
			next(error);
		}
	});
}
