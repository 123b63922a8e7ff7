// A native app's sign-in by phone at the idp, driven over HTTP (no Chromium): the access token it
// gets for an API resource. For the REST API's e2e tests and benchmarks until the app drives it.

import { authorizeRequest } from './authorize.js';
import { Browser } from './browser.js';
import { formAction, lastCode } from './pages.js';

/** The app and, unless null, the API resource its access token is for. */
export type AppSignIn = { idpUrl: string; outbox: string; clientId: string; redirectUri: string; resource: string | null };
export type AppTokens = { access_token: string; id_token: string; scope?: string; refresh_token?: string };

/** Signs `phone` in (creating its Logto account if new) and returns the access token for `resource`. */
export async function appAccessToken(app: AppSignIn, phone: string, scope: string): Promise<string> {
	return (await appTokens(app, phone, scope)).access_token;
}

/** The same sign-in; the whole token response (ID token, refresh token with offline_access). */
export async function appTokens(app: AppSignIn, phone: string, scope: string): Promise<AppTokens> {
	const { url, verifier } = authorizeRequest(app.idpUrl, app.clientId, app.redirectUri, {
		scope: `openid ${scope}`.trim(),
		...(app.resource ? { resource: app.resource } : {}),
		prompt: 'login consent',
		login_hint: phone,
	});
	const browser = new Browser();
	const back = (u: string) => u.startsWith(app.redirectUri);
	const signIn = await browser.follow(url);
	const code = await browser.follow(`${app.idpUrl}${formAction(signIn.html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
	let done = await browser.follow(`${app.idpUrl}${formAction(code.html, '/code')}`, back, { form: { code: lastCode(app.outbox, phone) } });
	// A new number is asked "create a new account?" first.
	if (!back(done.url)) done = await browser.follow(`${app.idpUrl}${formAction(done.html, '/register')}`, back, { form: {} });
	const authCode = new URL(done.url).searchParams.get('code');
	if (!authCode) throw new Error(`the app got no code back: ${done.url}`);
	const res = await fetch(`${app.idpUrl}/oidc/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'authorization_code', code: authCode, redirect_uri: app.redirectUri, code_verifier: verifier, client_id: app.clientId, ...(app.resource ? { resource: app.resource } : {}) }),
	});
	const body = (await res.json()) as Partial<AppTokens> & { error?: string };
	if (!body.access_token) throw new Error(`the token request failed: ${body.error ?? res.status}`);
	return body as AppTokens;
}

/** A JWT whose signature has one character changed: well-formed, and not Logto's. */
export const flipSignature = (jwt: string) => jwt.slice(0, -2) + (jwt.at(-2) === 'A' ? 'B' : 'A') + jwt.at(-1);
