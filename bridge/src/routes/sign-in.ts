import { createHash } from 'node:crypto';

import type { IRouter } from 'express';

import { loginErrorUrl, redirectUri, type BridgeContext } from '../context.js';
import { invalidExtraParam } from '../logto-params.js';
import { client } from '../oidc.js';
import { toE164 } from '../phone.js';
import { randomFlowId, randomToken } from '../random.js';
import { seeOther } from '../redirect.js';
import { safeReturnTo } from '../return-to.js';

/** GET /sign-in?return_to=&phone=: starts the code flow (PKCE S256, state, nonce) and goes to Logto. */
export default function signIn(router: IRouter, { config, site, oidc, log, pending }: BridgeContext): void {
	router.get('/sign-in', async (req, res, next) => {
		const flow = randomFlowId();
		try {
			let siteConfig;
			try {
				siteConfig = await site.get();
			} catch (error) {
				log.error({ flow, step: 'sign-in', err: (error as Error).message }, 'site config unavailable');
				return seeOther(res, loginErrorUrl(config, 'site_unreachable'));
			}
			const returnTo = req.query.return_to === undefined ? siteConfig.siteUrl : safeReturnTo(req.query.return_to, siteConfig.allowedReturnOrigins);
			if (!returnTo) {
				log.warn({ flow, step: 'sign-in' }, 'refused return_to');
				return res.status(400).type('text').send('return_to must be a page of this site.');
			}
			const params = Object.fromEntries(Object.entries(siteConfig.extraParams).filter((e): e is [string, string] => typeof e[1] === 'string'));
			if (req.query.phone !== undefined && req.query.phone !== '') {
				const phone = toE164(req.query.phone);
				if (!phone) {
					log.info({ flow, step: 'sign-in' }, 'invalid phone');
					return seeOther(res, loginErrorUrl(config, 'invalid_phone'));
				}
				// Logto's phone-OTP entry: the phone verification-code screen, number filled in.
				Object.assign(params, { login_hint: phone, first_screen: 'identifier:sign_in', identifier: 'phone' });
			}
			const { login_hint: loginHint, ...extra } = params;
			const invalid = invalidExtraParam(extra);
			if (invalid) {
				log.error({ flow, step: 'sign-in', param: invalid }, 'invalid extra param in site config');
				return seeOther(res, loginErrorUrl(config, 'misconfigured'));
			}
			let oidcConfig;
			try {
				oidcConfig = await oidc.get(siteConfig);
			} catch (error) {
				log.error({ flow, step: 'sign-in', err: (error as Error).message }, 'Logto discovery failed');
				return seeOther(res, loginErrorUrl(config, 'idp_unreachable'));
			}
			// Each 256 bits, as openid-client's randomPKCECodeVerifier/randomState/randomNonce make them.
			const verifier = randomToken();
			const signIn = { state: randomToken(), nonce: randomToken(), verifier, returnTo, flow, startedAt: Date.now() };
			// A fresh id for every sign-in: no fixation, nothing left from an earlier attempt.
			await pending.start(req, res, signIn);
			const url = client.buildAuthorizationUrl(oidcConfig, {
				redirect_uri: redirectUri(config),
				scope: siteConfig.scopes,
				// S256 as openid-client's calculatePKCECodeChallenge computes it, but synchronously:
				// WebCrypto's digest takes a thread-pool round trip per sign-in (see bench/).
				code_challenge: createHash('sha256').update(verifier).digest('base64url'),
				code_challenge_method: 'S256',
				state: signIn.state,
				nonce: signIn.nonce,
				...(loginHint ? { login_hint: loginHint } : {}),
				...extra,
			});
			log.info({ flow, step: 'sign-in', phone: Boolean(loginHint) }, 'redirecting to Logto');
			seeOther(res, url.href);
		} catch (error) {
			next(error);
		}
	});
}
