import { ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

import type { BridgeContext } from '../context.js';
import { signedPost } from '../s2s.js';

/** Scopes that let a token act on the REST API; a token with neither may do nothing there. */
const API_SCOPES = ['wp:read', 'wp:write'];
// One key set per Logto JWKS URI; jose refetches it (rate-limited) when a token names an unknown kid.
const keySets = new Map<string, JWTVerifyGetKey>();

/**
 * POST /tokens/verify (HMAC-signed by WordPress, answered signed): a Logto access token sent to
 * the site's REST API. Valid only with Logto's signature (ES384 or RS256, from its JWKS), its
 * issuer, the site's API resource as audience, within exp/nbf, and a wp:read or wp:write scope.
 * The answer says who and what, or only `invalid_token` / `insufficient_scope`.
 */
export default function tokensVerify(router: IRouter, ctx: BridgeContext): void {
	const { log } = ctx;
	router.post(ROUTES.tokensVerify, express.text({ type: '*/*', limit: '16kb' }), async (req, res, next) => {
		try {
			const signed = await signedPost(ctx, req, res, ROUTES.tokensVerify, 'token-verify');
			if (!signed) return;
			let token: unknown;
			try {
				token = (JSON.parse(signed.body) as { token?: unknown }).token;
			} catch {
				return signed.answer(400, { error: 'invalid_request' });
			}
			if (typeof token !== 'string' || token.split('.').length !== 3) return signed.answer(401, { error: 'invalid_token' });
			const site = await ctx.site.get();
			if (!site.apiResource) return signed.answer(400, { error: 'not_configured' });
			const metadata = (await ctx.oidc.get(site)).serverMetadata();
			if (!metadata.jwks_uri) return signed.answer(502, { error: 'idp_error' });
			let keys = keySets.get(metadata.jwks_uri);
			if (!keys) keySets.set(metadata.jwks_uri, (keys = createRemoteJWKSet(new URL(metadata.jwks_uri))));
			let payload;
			try {
				({ payload } = await jwtVerify(token, keys, { issuer: metadata.issuer, audience: site.apiResource, algorithms: ['ES384', 'RS256'], requiredClaims: ['exp', 'sub'] }));
			} catch (error) {
				log.info({ step: 'token-verify', reason: (error as { code?: string }).code ?? 'invalid' }, 'access token refused');
				return signed.answer(401, { error: 'invalid_token' });
			}
			const scopes = String(payload.scope ?? '').split(' ').filter((s) => API_SCOPES.includes(s));
			if (scopes.length === 0) return signed.answer(403, { error: 'insufficient_scope' });
			signed.answer(200, { sub: payload.sub, scopes, exp: payload.exp, clientId: typeof payload.client_id === 'string' ? payload.client_id : null });
		} catch (error) {
			next(error);
		}
	});
}
