import { ROUTES, toE164 } from '@logto-bridge/contract';
import type { IRouter } from 'express';

import { registeredUris, type BridgeContext } from '../context.js';
import { SignInError } from '../errors.js';
import { randomFlowId, randomToken, s256, seeOther } from '../hot-path.js';
import { invalidExtraParam } from '../logto-params.js';
import { client } from '../oidc.js';
import { safeReturnTo } from '../return-to.js';

/** GET /sign-in?return_to=&phone=: starts the code flow (PKCE S256, state, nonce) and goes to Logto. */
export default function signIn(router: IRouter, { config, site, oidc, log, pending }: BridgeContext): void {
	const redirectUri = registeredUris(config).redirectUri;
	router.get(ROUTES.signIn, async (req, res, next) => {
		const flow = randomFlowId();
		res.locals.flow = flow;
		try {
			const siteConfig = await site.get();
			const returnTo = req.query.return_to === undefined ? siteConfig.siteUrl : safeReturnTo(req.query.return_to, siteConfig.allowedReturnOrigins);
			if (!returnTo) throw new SignInError('invalid_return_to');
			const params = Object.fromEntries(Object.entries(siteConfig.extraParams).filter((e): e is [string, string] => typeof e[1] === 'string'));
			if (req.query.phone !== undefined && req.query.phone !== '') {
				const phone = toE164(req.query.phone);
				if (!phone) throw new SignInError('invalid_phone');
				// Logto's phone-OTP entry: the phone verification-code screen, number filled in.
				Object.assign(params, { login_hint: phone, first_screen: 'identifier:sign_in', identifier: 'phone' });
			}
			const { login_hint: loginHint, ...extra } = params;
			const invalid = invalidExtraParam(extra);
			if (invalid) throw new SignInError('misconfigured', `invalid extra param ${invalid} in site config`);
			const oidcConfig = await oidc.get(siteConfig);
			// Each 256 bits, as openid-client's randomPKCECodeVerifier/randomState/randomNonce make them.
			const verifier = randomToken();
			const signIn = { state: randomToken(), nonce: randomToken(), verifier, returnTo, flow, startedAt: Date.now() };
			// A fresh id for every sign-in: no fixation, nothing left from an earlier attempt.
			await pending.start(req, res, signIn);
			const url = client.buildAuthorizationUrl(oidcConfig, {
				redirect_uri: redirectUri,
				scope: siteConfig.scopes,
				code_challenge: s256(verifier),
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
