import { API_SCOPE_NAMES, ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

import type { BridgeContext } from '../context.js';
import { client } from '../oidc.js';
import { signedPost } from '../s2s.js';

/** Scopes that let a token act on the REST API; a token with neither may do nothing there. */
// One key set per Logto JWKS URI; jose refetches it (rate-limited) when a token names an unknown kid.
const keySets = new Map<string, JWTVerifyGetKey>();

type Verified = { payload: JWTPayload & { sub: string; exp: number }; scopes: string[]; oidcConfig: client.Configuration };
type Refused = { status: number; error: string };

/**
 * A Logto access token sent to the site's REST API. Valid only with Logto's signature (ES384 or
 * RS256, from its JWKS), its issuer, the site's API resource as audience, within exp/nbf, and a
 * wp:read or wp:write scope.
 */
async function verifyAccessToken(ctx: BridgeContext, token: unknown): Promise<Verified | Refused> {
	if (typeof token !== 'string' || token.split('.').length !== 3) return { status: 401, error: 'invalid_token' };
	const site = await ctx.site.get();
	if (!site.apiResource) return { status: 400, error: 'not_configured' };
	const oidcConfig = await ctx.oidc.get(site);
	const metadata = oidcConfig.serverMetadata();
	if (!metadata.jwks_uri) return { status: 502, error: 'idp_error' };
	let keys = keySets.get(metadata.jwks_uri);
	if (!keys) keySets.set(metadata.jwks_uri, (keys = createRemoteJWKSet(new URL(metadata.jwks_uri))));
	let payload;
	try {
		({ payload } = await jwtVerify(token, keys, { issuer: metadata.issuer, audience: site.apiResource, algorithms: ['ES384', 'RS256'], requiredClaims: ['exp', 'sub'] }));
	} catch (error) {
		ctx.log.info({ step: 'token-verify', reason: (error as { code?: string }).code ?? 'invalid' }, 'access token refused');
		return { status: 401, error: 'invalid_token' };
	}
	const scopes = String(payload.scope ?? '').split(' ').filter((s) => API_SCOPE_NAMES.includes(s));
	if (scopes.length === 0) return { status: 403, error: 'insufficient_scope' };
	return { payload: payload as Verified['payload'], scopes, oidcConfig };
}

/** The signed JSON body of a WordPress call, or null once it has been answered as invalid. */
function parseBody(body: string): Record<string, unknown> | null {
	try {
		const parsed = JSON.parse(body) as unknown;
		return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
	} catch {
		return null;
	}
}

/**
 * POST /tokens/verify (HMAC-signed by WordPress, answered signed): who a bearer token on the REST
 * API is and what it may do, or only `invalid_token` / `insufficient_scope`.
 *
 * POST /tokens/account (same): the app's own sign-in. Its access token (as above) and the opaque
 * token Logto gave it for userinfo, which must answer for the same subject; the answer carries
 * the userinfo claims, so that WordPress finds or makes the account exactly as after a sign-in
 * on the site.
 */
export default function appTokens(router: IRouter, ctx: BridgeContext): void {
	tokenRoute(router, ctx, ROUTES.tokensVerify, 'token-verify', async (_body, { payload, scopes }) => [
		200,
		{ sub: payload.sub, scopes, exp: payload.exp, clientId: typeof payload.client_id === 'string' ? payload.client_id : null },
	]);

	tokenRoute(router, ctx, ROUTES.tokensAccount, 'token-account', async (body, { payload, scopes, oidcConfig }) => {
		const userinfoToken = body.userinfo_token;
		if (typeof userinfoToken !== 'string' || userinfoToken === '' || userinfoToken.length > 4096) return [401, { error: 'invalid_token' }];
		let claims;
		try {
			// Logto answers only for a live token; openid-client checks it is the same subject.
			claims = await client.fetchUserInfo(oidcConfig, userinfoToken, payload.sub);
		} catch (error) {
			ctx.log.info({ step: 'token-account', reason: (error as { code?: string }).code ?? 'invalid' }, 'userinfo refused');
			return [401, { error: 'invalid_token' }];
		}
		ctx.log.info({ step: 'token-account' }, 'app sign-in verified');
		return [200, { sub: payload.sub, scopes, exp: payload.exp, clientId: typeof payload.client_id === 'string' ? payload.client_id : null, claims }];
	});
}

/** A signed POST carrying an access token: refused as verifyAccessToken says, else answered by `handle`. */
function tokenRoute(router: IRouter, ctx: BridgeContext, route: string, step: string, handle: (body: Record<string, unknown>, verified: Verified) => Promise<[number, object]>): void {
	router.post(route, express.text({ type: '*/*', limit: '16kb' }), async (req, res, next) => {
		try {
			const signed = await signedPost(ctx, req, res, route, step);
			if (!signed) return;
			const body = parseBody(signed.body);
			if (!body) return signed.answer(400, { error: 'invalid_request' });
			const result = await verifyAccessToken(ctx, body.token);
			if ('error' in result) return signed.answer(result.status, { error: result.error });
			signed.answer(...(await handle(body, result)));
		} catch (error) {
			next(error);
		}
	});
}
