import { phoneFirstParams as logtoPhoneFirst, toE164 } from '@logto-bridge/contract/phone';

/**
 * Logto's phone-OTP entry, the contract's (the same as wp-login.php asks for), and `prompt=login`
 * so that a live Logto session for another number on this device cannot answer. `consent` stays,
 * as Logto's SDK sends it by default: it is what lets Logto issue the refresh token the app
 * trades for its API access token.
 */
export function phoneFirstParams(e164: string): Record<string, string> {
	return { ...logtoPhoneFirst(e164), prompt: 'login consent' };
}

/** What the user typed as E.164, or null when it is no valid number with its country code. */
export const typedPhone = (input: string): string | null => toE164(input);

/**
 * The authorization URL with the params set. @logto/capacitor's signIn() takes only a redirect
 * URI, so the params are added to the URL on its way to the browser, on every platform alike.
 */
export function withParams(authorizationUrl: string, params: Record<string, string>): string {
	const url = new URL(authorizationUrl);
	for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
	return url.href;
}
