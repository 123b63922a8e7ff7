import type { SiteConfig } from './site-config.js';

/**
 * What the readiness check asks Logto, beyond discovery, so that a wrong secret or a missing
 * URI shows red on the settings screen instead of failing visitors later. Each probe throws
 * an Error whose message is what the admin reads. Observed on a real Logto 1.37 (and the same
 * in oidc-provider, which the local idp runs on).
 */
const TIMEOUT_MS = 5000;

/**
 * The app ID and secret, at the token endpoint: a client_credentials request made with them is
 * refused either way for a Traditional web app, but for a wrong secret or an unknown app the
 * refusal is `invalid_client` (401), and for right credentials the grant type (400).
 */
export async function probeCredentials(site: SiteConfig, tokenEndpoint: string): Promise<string> {
	const res = await fetch(tokenEndpoint, {
		method: 'POST',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			authorization: `Basic ${Buffer.from(`${encodeURIComponent(site.appId)}:${encodeURIComponent(site.appSecret)}`).toString('base64')}`,
		},
		body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
		signal: AbortSignal.timeout(TIMEOUT_MS),
	});
	const answer = (await res.json().catch(() => ({}))) as { error?: string };
	if (res.status === 401 || answer.error === 'invalid_client') throw new Error('App ID or secret is wrong: Logto refused them (invalid_client).');
	if (answer.error === 'unsupported_grant_type') return 'cannot be checked on this Logto (no client_credentials grant)';
	return 'Logto accepts the app ID and secret';
}

/**
 * A registered redirect URI: Logto's authorization endpoint sends a valid request on to its
 * sign-in page (303) and answers 400 "redirect_uri did not match any of the client's
 * registered redirect_uris" otherwise.
 */
export async function probeRedirectUri(site: SiteConfig, authorizationEndpoint: string, redirectUri: string): Promise<string> {
	const url = new URL(authorizationEndpoint);
	url.search = new URLSearchParams({
		client_id: site.appId,
		redirect_uri: redirectUri,
		response_type: 'code',
		scope: 'openid',
		state: 'readiness-check',
		code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
		code_challenge_method: 'S256',
	}).toString();
	const { status, text } = await refusal(url);
	if (status >= 400 && /redirect_uri/i.test(text)) throw new Error(`Add this redirect URI in Logto Console: ${redirectUri}`);
	if (status >= 400) throw new Error(`Logto refused a sign-in request with this app (HTTP ${status}).`);
	return `${redirectUri} is registered`;
}

/**
 * A registered post sign-out redirect URI: the end-session endpoint answers 400 for one it
 * does not know, and its sign-out page otherwise.
 */
export async function probePostSignOutUri(site: SiteConfig, endSessionEndpoint: string, uri: string): Promise<string> {
	const url = new URL(endSessionEndpoint);
	url.search = new URLSearchParams({ client_id: site.appId, post_logout_redirect_uri: uri }).toString();
	const { status, text } = await refusal(url);
	if (status >= 400 && /post_logout_redirect_uri/i.test(text)) throw new Error(`Add this post sign-out redirect URI in Logto Console: ${uri}`);
	return `${uri} is registered`;
}

/** GET without following redirects: the status, and the body only when Logto refused (its error text). */
async function refusal(url: URL): Promise<{ status: number; text: string }> {
	const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
	const text = res.status >= 400 ? await res.text() : '';
	await res.body?.cancel().catch(() => {});
	return { status: res.status, text };
}
