import { createHash } from 'node:crypto';

import { Router } from 'express';

import { loginErrorUrl, redirectUri, type BridgeContext } from '../context.js';
import { newFlowId } from '../log.js';
import { invalidExtraParam } from '../logto-params.js';
import { client } from '../oidc.js';
import { toE164 } from '../phone.js';
import { safeReturnTo } from '../return-to.js';

/** GET /sign-in?return_to=&phone=: starts the code flow (PKCE S256, state, nonce) and goes to Logto. */
export default function signIn({ config, site, oidc, log }: BridgeContext) {
	const router = Router();
	router.get('/sign-in', async (req, res, next) => {
		const flow = newFlowId();
		try {
			let siteConfig;
			try {
				siteConfig = await site.get();
			} catch (error) {
				log.error({ flow, step: 'sign-in', err: (error as Error).message }, 'site config unavailable');
				return res.redirect(303, loginErrorUrl(config, 'site_unreachable'));
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
					return res.redirect(303, loginErrorUrl(config, 'invalid_phone'));
				}
				// Logto's phone-OTP entry: the phone verification-code screen, number filled in.
				Object.assign(params, { login_hint: phone, first_screen: 'identifier:sign_in', identifier: 'phone' });
			}
			const { login_hint: loginHint, ...extra } = params;
			const invalid = invalidExtraParam(extra);
			if (invalid) {
				log.error({ flow, step: 'sign-in', param: invalid }, 'invalid extra param in site config');
				return res.redirect(303, loginErrorUrl(config, 'misconfigured'));
			}
			let oidcConfig;
			try {
				oidcConfig = await oidc.get(siteConfig);
			} catch (error) {
				log.error({ flow, step: 'sign-in', err: (error as Error).message }, 'Logto discovery failed');
				return res.redirect(303, loginErrorUrl(config, 'idp_unreachable'));
			}
			const verifier = client.randomPKCECodeVerifier();
			const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier, returnTo, flow, startedAt: Date.now() };
			// A fresh session for every sign-in: no fixation, no state left from an earlier attempt.
			// A visitor who sent no session cookie already has a brand-new one.
			if (req.get('cookie')?.includes('logto_bridge.sid=')) {
				await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
			}
			req.session.signIn = pending;
			await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
			const url = client.buildAuthorizationUrl(oidcConfig, {
				redirect_uri: redirectUri(config),
				scope: siteConfig.scopes,
				// S256 as openid-client's calculatePKCECodeChallenge computes it, but synchronously:
				// WebCrypto's digest takes a thread-pool round trip per sign-in (see bench/).
				code_challenge: createHash('sha256').update(verifier).digest('base64url'),
				code_challenge_method: 'S256',
				state: pending.state,
				nonce: pending.nonce,
				...(loginHint ? { login_hint: loginHint } : {}),
				...extra,
			});
			log.info({ flow, step: 'sign-in', phone: Boolean(loginHint) }, 'redirecting to Logto');
			res.redirect(303, url.href);
		} catch (error) {
			next(error);
		}
	});
	return router;
}
