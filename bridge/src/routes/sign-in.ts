import { invalidExtraParam, phoneFirstParams, ROUTES, SIGN_IN_QUERY, toE164 } from '@logto-bridge/contract';
import type { IRouter } from 'express';

import { registeredUris, type BridgeContext } from '../context.js';
import { SignInError } from '../errors.js';
import { randomFlowId, randomToken, s256 } from '../random-tokens.js';
import { seeOther } from '../see-other.js';
import { client } from '../oidc.js';
import type { PendingSignIn } from '../pending-sign-in.js';
import { safeReturnTo } from '../return-to.js';
import { networkSiteOf } from '../wordpress.js';

/** SHA-256 (hex) of the random cookie WordPress set on its own origin when it sent the visitor here. */
const BINDING = /^[0-9a-f]{64}$/;

/**
 * GET /sign-in?binding=&return_to=&phone=&fresh=: starts the code flow (PKCE S256, state,
 * nonce) and goes to Logto.
 */
export default function signIn(router: IRouter, { config, site, oidc, log, pending, rateLimit, metrics }: BridgeContext): void {
	const redirectUri = registeredUris(config).redirectUri;
	// Rate limited first, so a refused start writes nothing; then its session.
	router.get(ROUTES.signIn, rateLimit, pending.middleware, async (req, res, next) => {
		const flow = randomFlowId();
		res.locals.flow = flow;
		// Read once: express 5 parses the query string again at every access of req.query.
		const query = req.query;
		const [bindingParam, returnToParam, phoneParam] = [query[SIGN_IN_QUERY.binding], query[SIGN_IN_QUERY.returnTo], query[SIGN_IN_QUERY.phone]];
		try {
			const siteConfig = await site.get();
			// Without it a ticket would sign in any browser that opens its link (login CSRF).
			const binding = typeof bindingParam === 'string' && BINDING.test(bindingParam) ? bindingParam : null;
			if (!binding) throw new SignInError('browser_mismatch', 'no binding from WordPress');
			const returnTo = returnToParam === undefined ? siteConfig.siteUrl : safeReturnTo(returnToParam, siteConfig.allowedReturnOrigins);
			if (!returnTo) throw new SignInError('invalid_return_to');
			// On a network, the site it started on: its own login page hears of any failure from here on.
			const networkSite = networkSiteOf(siteConfig, returnTo);
			res.locals.networkSite = networkSite;
			const params: Record<string, string> = Object.fromEntries(Object.entries(siteConfig.extraParams).filter((e): e is [string, string] => typeof e[1] === 'string'));
			const invalid = invalidExtraParam(params);
			if (invalid) throw new SignInError('misconfigured', `invalid extra param ${invalid} in site config`);
			let phone: string | undefined;
			if (phoneParam !== undefined && phoneParam !== '') {
				phone = toE164(phoneParam) ?? undefined;
				if (!phone) throw new SignInError('invalid_phone');
				// Logto's phone-OTP entry: the phone verification-code screen, number filled in.
				Object.assign(params, phoneFirstParams(phone));
			}
			const oidcConfig = await oidc.get(siteConfig);
			await oidc.ensureReachable(siteConfig);
			// Each 256 bits, as openid-client's randomPKCECodeVerifier/randomState/randomNonce make them.
			const verifier = randomToken();
			const signIn: PendingSignIn = { state: randomToken(), nonce: randomToken(), verifier, returnTo, binding, flow, startedAt: Date.now(), ...(phone ? { phone } : {}), ...(networkSite ? { site: networkSite } : {}) };
			// A fresh id for every sign-in: no fixation, nothing left from an earlier attempt.
			await pending.start(req, signIn);
			const url = client.buildAuthorizationUrl(oidcConfig, {
				redirect_uri: redirectUri,
				// A typed number is checked against the ID token's phone_number, which needs the phone scope.
				scope: phone && !siteConfig.scopes.split(' ').includes('phone') ? `${siteConfig.scopes} phone` : siteConfig.scopes,
				code_challenge: s256(verifier),
				code_challenge_method: 'S256',
				state: signIn.state,
				nonce: signIn.nonce,
				...params,
				// A typed number (or "use another number") must not be answered by a live Logto
				// session of another account: Logto asks again (fixtures/logto-extra-params.json, bridgeOnly).
				...(phone || query[SIGN_IN_QUERY.fresh] === '1' ? { prompt: 'login' } : {}),
			});
			metrics.started.inc();
			log.info({ flow, step: 'sign-in', phone: Boolean(phone) }, 'redirecting to Logto');
			seeOther(res, url.href);
		} catch (error) {
			next(error);
		}
	});
}
