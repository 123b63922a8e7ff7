import { createHash } from 'node:crypto';

import type { IRouter, Request } from 'express';

import { loginErrorUrl, TICKET_TTL_SECONDS, type BridgeContext } from '../context.js';
import { codeForOidcError } from '../errors.js';
import { client } from '../oidc.js';
import { randomToken } from '../random.js';
import { seeOther } from '../redirect.js';

export const ticketKey = (ticket: string) => `ticket:${createHash('sha256').update(ticket).digest('hex')}`;

/** GET /callback: code exchange with every check, then a single-use ticket for WordPress. */
export default function callback(router: IRouter, { config, site, oidc, store, log, pending: pendingSignIns }: BridgeContext): void {
	router.get('/callback', async (req: Request, res, next) => {
		let flow = 'none';
		const fail = (code: string, detail?: string) => {
			log.warn({ flow, step: 'callback', code, detail }, 'sign-in failed');
			seeOther(res, loginErrorUrl(config, code));
		};
		try {
			// Consumed here, whatever comes next: a replayed or concurrent callback finds none.
			const pending = await pendingSignIns.take(req, res, req.query.state);
			flow = pending?.flow ?? flow;
			if (req.query.error === 'access_denied') return fail('cancelled');
			if (!pending) return fail('state_mismatch');
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
			const ticket = randomToken();
			await store.set(ticketKey(ticket), JSON.stringify({ claims, id_token: tokens.id_token, return_to: pending.returnTo, flow }), TICKET_TTL_SECONDS);
			log.info({ flow, step: 'callback' }, 'ticket issued');
			seeOther(res, `${config.wpUrl}/wp-login.php?action=logto-callback&ticket=${ticket}`);
		} catch (error) {
			next(error);
		}
	});
}
