import { randomBytes, createHash } from 'node:crypto';

import { Router, type Request } from 'express';

import { loginErrorUrl, TICKET_TTL_SECONDS, type BridgeContext } from '../context.js';
import { codeForOidcError } from '../errors.js';
import { client } from '../oidc.js';

export const ticketKey = (ticket: string) => `ticket:${createHash('sha256').update(ticket).digest('hex')}`;

/** GET /callback: code exchange with every check, then a single-use ticket for WordPress. */
export default function callback({ config, site, oidc, store, log }: BridgeContext) {
	const router = Router();
	router.get('/callback', async (req: Request, res, next) => {
		const pending = req.session.signIn;
		const flow = pending?.flow ?? 'none';
		const fail = (code: string, detail?: string) => {
			log.warn({ flow, step: 'callback', code, detail }, 'sign-in failed');
			res.redirect(303, loginErrorUrl(config, code));
		};
		try {
			if (req.query.error === 'access_denied') {
				delete req.session.signIn;
				return fail('cancelled');
			}
			// One pending sign-in per session, consumed here: a replayed or forged callback finds none.
			if (!pending || typeof req.query.state !== 'string' || req.query.state !== pending.state) {
				return fail('state_mismatch');
			}
			delete req.session.signIn;
			await new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
			if (typeof req.query.error === 'string') return fail('idp_error', req.query.error);

			const siteConfig = await site.get();
			const oidcConfig = await oidc.get(siteConfig);
			const currentUrl = new URL(`${config.publicUrl}${req.originalUrl.slice(req.originalUrl.indexOf('/callback'))}`);
			const expectedIssuer = oidcConfig.serverMetadata().issuer;
			if (currentUrl.searchParams.get('iss') !== expectedIssuer) {
				// RFC 9207: openid-client checks it too; we name this failure precisely.
				return fail('issuer_mismatch');
			}
			let tokens;
			try {
				tokens = await client.authorizationCodeGrant(oidcConfig, currentUrl, {
					pkceCodeVerifier: pending.verifier,
					expectedState: pending.state,
					expectedNonce: pending.nonce,
					idTokenExpected: true,
				});
			} catch (error) {
				return fail(codeForOidcError(error), (error as { code?: string }).code);
			}
			const idClaims = tokens.claims()!;
			let claims: Record<string, unknown> = { ...idClaims };
			try {
				// Extended claims (custom_data, identities) only come from userinfo.
				const userinfo = await client.fetchUserInfo(oidcConfig, tokens.access_token, idClaims.sub);
				claims = { ...userinfo, ...idClaims };
			} catch (error) {
				log.warn({ flow, step: 'userinfo', code: (error as { code?: string }).code }, 'userinfo unavailable; using ID token claims');
			}
			const ticket = randomBytes(32).toString('base64url');
			await store.set(ticketKey(ticket), JSON.stringify({ claims, id_token: tokens.id_token, return_to: pending.returnTo, flow }), TICKET_TTL_SECONDS);
			log.info({ flow, step: 'callback' }, 'ticket issued');
			res.redirect(303, `${config.wpUrl}/wp-login.php?action=logto-callback&ticket=${ticket}`);
		} catch (error) {
			next(error);
		}
	});
	return router;
}
