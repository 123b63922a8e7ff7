import { ROUTES, toE164 } from '@logto-bridge/contract';
import type { IRouter, Request } from 'express';

import type { BridgeContext } from '../context.js';
import { SignInError } from '../errors.js';
import { seeOther } from '../see-other.js';
import { client } from '../oidc.js';
import { ticketUrl } from '../wordpress.js';

/** GET /callback: code exchange with every check, then a single-use ticket for WordPress. */
export default function callback(router: IRouter, { config, site, oidc, log, pending: pendingSignIns, tickets, metrics }: BridgeContext): void {
	router.get(ROUTES.callback, pendingSignIns.middleware, async (req: Request, res, next) => {
		const query = req.query;
		try {
			// Consumed here, whatever comes next: a replayed or concurrent callback finds none.
			const pending = await pendingSignIns.take(req, res, query.state);
			if (pending) res.locals.flow = pending.flow;
			if (query.error === 'access_denied') throw new SignInError('cancelled');
			if (!pending) throw new SignInError('state_mismatch');
			if (typeof query.error === 'string') throw new SignInError('idp_error', query.error);

			const siteConfig = await site.get();
			const oidcConfig = await oidc.get(siteConfig);
			const currentUrl = new URL(`${config.publicUrl}${req.originalUrl.slice(req.originalUrl.indexOf(ROUTES.callback))}`);
			// RFC 9207: openid-client checks it too; we name this failure precisely.
			if (currentUrl.searchParams.get('iss') !== oidcConfig.serverMetadata().issuer) throw new SignInError('issuer_mismatch');
			const tokens = await metrics.time(metrics.tokenEndpoint, () =>
				client.authorizationCodeGrant(oidcConfig, currentUrl, {
					pkceCodeVerifier: pending.verifier,
					expectedState: pending.state,
					expectedNonce: pending.nonce,
					idTokenExpected: true,
				}),
			);
			const idClaims = tokens.claims()!;
			let claims: Record<string, unknown> = { ...idClaims };
			try {
				// Extended claims (custom_data, identities) only come from userinfo.
				const userinfo = await client.fetchUserInfo(oidcConfig, tokens.access_token, idClaims.sub);
				claims = { ...userinfo, ...idClaims };
			} catch (error) {
				log.warn({ flow: pending.flow, step: 'userinfo', reason: (error as { code?: string }).code }, 'userinfo unavailable; using ID token claims');
			}
			const base = { return_to: pending.returnTo, binding: pending.binding };
			const verified = typeof idClaims.phone_number === 'string' ? toE164(`+${idClaims.phone_number.replace(/\D/g, '')}`) : null;
			// The account must be the number the visitor typed, not whichever Logto verified.
			const mismatch = pending.phone !== undefined && verified !== pending.phone;
			// Stored and sealed: a plugin that opens the sealed one needs no call back to the bridge.
			const issued = mismatch
				? await tickets.issuePair({ refused: 'phone_mismatch', verified_phone: verified, ...base }, pending.flow)
				: await tickets.issuePair({ claims: { ...claims, sub: idClaims.sub }, id_token: tokens.id_token!, ...base }, pending.flow);
			if (mismatch) {
				metrics.failure('phone_mismatch');
				log.warn({ flow: pending.flow, step: 'callback', reason: 'phone_mismatch' }, 'verified number is not the typed one');
			} else {
				metrics.completed.inc();
				log.info({ flow: pending.flow, step: 'callback' }, 'ticket issued');
			}
			seeOther(res, ticketUrl(siteConfig, issued.ticket, issued.sealed));
		} catch (error) {
			next(error);
		}
	});
}
