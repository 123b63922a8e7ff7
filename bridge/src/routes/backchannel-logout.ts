import { ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

import type { BridgeContext } from '../context.js';
import { postToWordPress } from '../wordpress.js';

const EVENT = 'http://schemas.openid.net/event/backchannel-logout';
const MAX_AGE_SECONDS = 300;

/**
 * POST /backchannel-logout: Logto's logout_token (typ logout+jwt, ES384, no exp), verified,
 * then WordPress is told to end that user's sessions.
 */
export default function backchannelLogout(router: IRouter, ctx: BridgeContext): void {
	const { config, site, oidc, store, log } = ctx;
	const jwksByUri = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
	router.post(ROUTES.backchannelLogout, express.urlencoded({ extended: false, limit: '16kb' }), async (req, res, next) => {
		try {
			const token = req.body?.logout_token;
			if (typeof token !== 'string') return res.status(400).json({ error: 'invalid_request' });
			const siteConfig = await site.get();
			const meta = (await oidc.get(siteConfig)).serverMetadata();
			if (!meta.jwks_uri) return res.status(500).json({ error: 'no_jwks' });
			let jwks = jwksByUri.get(meta.jwks_uri);
			if (!jwks) {
				jwks = createRemoteJWKSet(new URL(meta.jwks_uri));
				jwksByUri.set(meta.jwks_uri, jwks);
			}
			let payload: JWTPayload;
			try {
				({ payload } = await jwtVerify(token, jwks, {
					issuer: meta.issuer,
					audience: siteConfig.appId,
					typ: 'logout+jwt',
					// Logto sends no exp: freshness is bounded by iat instead.
					maxTokenAge: MAX_AGE_SECONDS,
					requiredClaims: ['iat', 'jti'],
				}));
			} catch (error) {
				log.warn({ step: 'backchannel', reason: (error as { code?: string }).code }, 'refused logout token');
				return res.status(400).json({ error: 'invalid_request' });
			}
			const events = payload.events as Record<string, unknown> | undefined;
			if (!events || typeof events !== 'object' || !(EVENT in events) || 'nonce' in payload || (!payload.sub && !payload.sid)) {
				return res.status(400).json({ error: 'invalid_request' });
			}
			if (!(await store.setIfAbsent(`jti:${payload.jti}`, '1', MAX_AGE_SECONDS * 2))) {
				log.warn({ step: 'backchannel' }, 'replayed logout token');
				return res.status(400).json({ error: 'invalid_request' });
			}
			const wp = await postToWordPress(config, siteConfig, 'backchannelLogout', { sub: payload.sub ?? null, sid: payload.sid ?? null }).catch(() => undefined);
			if (!wp?.ok) {
				log.error({ step: 'backchannel', status: wp?.status }, 'WordPress did not accept the logout');
				return res.status(502).json({ error: 'wordpress_unavailable' });
			}
			log.info({ step: 'backchannel' }, 'WordPress sessions ended');
			res.status(200).end();
		} catch (error) {
			next(error);
		}
	});
}
