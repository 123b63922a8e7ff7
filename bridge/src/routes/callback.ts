import { ROUTES, toE164 } from '@logto-bridge/contract';
import type { IRouter, Request } from 'express';

import type { BridgeContext } from '../context.js';
import { SignInError } from '../errors.js';
import { seeOther } from '../see-other.js';
import { client } from '../oidc.js';
import { signInTarget, ticketUrl } from '../wordpress.js';

/**
 * Logto's extended scopes and the claim each adds, in the ID token only where the tenant's
 * "Custom ID token" toggle is on, always in userinfo (Logto docs: Custom ID token).
 */
const EXTENDED_CLAIMS: Record<string, string> = {
	custom_data: 'custom_data',
	identities: 'identities',
	roles: 'roles',
	'urn:logto:scope:organizations': 'organizations',
	'urn:logto:scope:organization_roles': 'organization_roles',
};

/** Whether a claim of a granted extended scope is missing from the ID token: only then is userinfo asked. */
export const needsUserinfo = (scopes: string, idClaims: Record<string, unknown>) => scopes.split(' ').some((s) => s in EXTENDED_CLAIMS && !(EXTENDED_CLAIMS[s]! in idClaims));

/** GET /callback: code exchange with every check, then a single-use ticket for WordPress. */
export default function callback(router: IRouter, { config, site, oidc, log, pending: pendingSignIns, tickets, metrics }: BridgeContext): void {
	router.get(ROUTES.callback, pendingSignIns.middleware, async (req: Request, res, next) => {
		const query = req.query;
		try {
			// Consumed here, whatever comes next: a replayed or concurrent callback finds none.
			const pending = await pendingSignIns.take(req, res, query.state);
			if (pending) Object.assign(res.locals, { flow: pending.flow, networkSite: pending.site });
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
			// A second round trip to Logto only when the ID token lacks a claim that was granted.
			if (needsUserinfo(tokens.scope ?? siteConfig.scopes, idClaims)) {
				try {
					const userinfo = await metrics.time(metrics.userinfo, () => client.fetchUserInfo(oidcConfig, tokens.access_token, idClaims.sub));
					claims = { ...userinfo, ...idClaims };
				} catch (error) {
					log.warn({ flow: pending.flow, step: 'userinfo', reason: (error as { code?: string }).code }, 'userinfo unavailable; using ID token claims');
				}
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
			seeOther(res, ticketUrl(signInTarget(siteConfig, pending.site), issued.ticket, issued.sealed));
		} catch (error) {
			next(error);
		}
	});
}
