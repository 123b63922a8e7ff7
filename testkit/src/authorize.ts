import { createHash, randomBytes } from 'node:crypto';

/**
 * An authorization request to the idp (Logto's /oidc/auth) as an app makes it: code flow with
 * PKCE S256 and a random state; `params` add to or replace the defaults (scope `openid phone`).
 * The verifier is returned for the token exchange.
 */
export function authorizeRequest(idpUrl: string, clientId: string, redirectUri: string, params: Record<string, string> = {}) {
	const verifier = randomBytes(32).toString('base64url');
	const url = new URL(`${idpUrl}/oidc/auth`);
	url.search = new URLSearchParams({
		client_id: clientId,
		response_type: 'code',
		redirect_uri: redirectUri,
		scope: 'openid phone',
		state: randomBytes(8).toString('hex'),
		code_challenge: createHash('sha256').update(verifier).digest('base64url'),
		code_challenge_method: 'S256',
		...params,
	}).toString();
	return { url: url.href, verifier };
}
