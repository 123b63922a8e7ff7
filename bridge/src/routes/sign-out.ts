import { ROUTES, SIGN_OUT_QUERY } from '@logto-bridge/contract';
import type { IRouter } from 'express';

import { registeredUris, type BridgeContext } from '../context.js';
import { SignInError } from '../errors.js';
import { randomToken } from '../random-tokens.js';
import { seeOther } from '../see-other.js';
import { safeReturnTo } from '../return-to.js';

/** GET /sign-out?return_to=: Logto's end-session (client_id + post sign-out redirect URI), then back. */
export default function signOut(router: IRouter, { config, site, oidc, store, log, rateLimit }: BridgeContext): void {
	const postSignOutRedirectUri = registeredUris(config).postSignOutRedirectUri;
	router.get(ROUTES.signOut, rateLimit, async (req, res, next) => {
		const requested = req.query[SIGN_OUT_QUERY.returnTo];
		try {
			const siteConfig = await site.get();
			const returnTo = requested === undefined ? siteConfig.siteUrl : safeReturnTo(requested, siteConfig.allowedReturnOrigins);
			if (!returnTo) throw new SignInError('invalid_return_to');
			let endSession: string | undefined;
			try {
				endSession = (await oidc.get(siteConfig)).serverMetadata().end_session_endpoint;
			} catch (error) {
				log.warn({ step: 'sign-out', err: (error as Error).message }, 'Logto unreachable; signing out of WordPress only');
			}
			if (!endSession) return seeOther(res, returnTo);
			const state = randomToken();
			await store.set(`signout:${state}`, returnTo, 600);
			const url = new URL(endSession);
			url.search = new URLSearchParams({ client_id: siteConfig.appId, post_logout_redirect_uri: postSignOutRedirectUri, state }).toString();
			log.info({ step: 'sign-out' }, 'redirecting to Logto end-session');
			seeOther(res, url.href);
		} catch (error) {
			next(error);
		}
	});
	router.get(ROUTES.signOutCallback, async (req, res, next) => {
		try {
			const state = typeof req.query.state === 'string' ? req.query.state : '';
			const returnTo = (state && (await store.take(`signout:${state}`))) || (await site.get()).siteUrl;
			seeOther(res, returnTo);
		} catch (error) {
			next(error);
		}
	});
}
