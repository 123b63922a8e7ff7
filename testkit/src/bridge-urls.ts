import { SIGN_IN_QUERY, WP_LOGIN_QUERY } from '@logto-bridge/contract';

/** SHA-256 (hex) of a binding cookie: what WordPress sends the bridge with a sign-in. */
export const BINDING = 'a'.repeat(64);

/** The bridge's `/sign-in` as WordPress sends a visitor there (fixtures/query-names.json). */
export function signInUrl(bridgeUrl: string, options: { phone?: string; returnTo?: string; fresh?: boolean; binding?: string } = {}): string {
	const url = new URL(`${bridgeUrl}/sign-in`);
	url.searchParams.set(SIGN_IN_QUERY.binding, options.binding ?? BINDING);
	if (options.returnTo !== undefined) url.searchParams.set(SIGN_IN_QUERY.returnTo, options.returnTo);
	if (options.phone !== undefined) url.searchParams.set(SIGN_IN_QUERY.phone, options.phone);
	if (options.fresh) url.searchParams.set(SIGN_IN_QUERY.fresh, '1');
	return url.href;
}

/** The ticket the bridge put on wp-login.php's callback URL. */
export const ticketOf = (url: string) => new URL(url).searchParams.get(WP_LOGIN_QUERY.ticket);

/** The `logto_error` code the bridge put on wp-login.php's URL. */
export const errorOf = (url: string) => new URL(url).searchParams.get(WP_LOGIN_QUERY.error);

/** A complete Tencent SMS connector config (Logto's fields), as an admin types it. */
export const tencentConfig = (secret = 'tencent-secret') => ({
	accessKeyId: 'AKIDlocal',
	accessKeySecret: secret,
	signName: 'Bookstore',
	region: 'ap-guangzhou',
	sdkAppId: '1400000000',
	templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, templateCode: `tpl-${usageType}` })),
});
