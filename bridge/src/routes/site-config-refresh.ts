import { ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';

import type { BridgeContext } from '../context.js';
import { sendSigned, verifyFromWordPress } from '../s2s.js';

/**
 * POST /site-config/refresh (HMAC-signed by WordPress, answered signed): WordPress has saved its
 * settings, so the cached copy is dropped and the next sign-in reads them. With several
 * instances, the others pick the change up within SITE_CONFIG_TTL_SECONDS.
 */
export default function siteConfigRefresh(router: IRouter, ctx: BridgeContext): void {
	const { config, site, log } = ctx;
	router.post(ROUTES.siteConfigRefresh, express.text({ type: '*/*', limit: '1kb' }), async (req, res, next) => {
		try {
			const body = typeof req.body === 'string' ? req.body : '';
			const signature = await verifyFromWordPress(ctx, req, ROUTES.siteConfigRefresh, body);
			if (!signature.ok) {
				log.warn({ step: 'site-config', reason: signature.reason }, 'refused unsigned refresh');
				return res.status(401).json({ error: 'invalid_signature', reason: signature.reason });
			}
			site.invalidate();
			log.info({ step: 'site-config' }, 'WordPress saved its settings; cached copy dropped');
			sendSigned(res, config.sharedSecret, ROUTES.siteConfigRefresh, signature.nonce, { ok: true }, 200);
		} catch (error) {
			next(error);
		}
	});
}
