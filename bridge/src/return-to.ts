/**
 * Accepts a return_to only when it is an absolute http(s) URL on one of the allowed origins
 * (the WordPress site's). Everything else, including protocol-relative, backslash,
 * percent-encoded and userinfo tricks, is refused: no open redirect.
 */
export const MAX_RETURN_TO = 512;

export function safeReturnTo(value: unknown, allowedOrigins: readonly string[]): string | null {
	// 512 characters: longer is no page of a site, and a flood of long ones would fill the store.
	if (typeof value !== 'string' || value.length === 0 || value.length > MAX_RETURN_TO) return null;
	// Browsers treat "\" like "/" and ignore tabs/newlines; refuse rather than guess.
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
	if (/[\\\s\u0000-\u001f\u007f]/.test(value)) return null;
	let decoded = value;
	try {
		decoded = decodeURIComponent(value);
	} catch {
		return null;
	}
	// eslint-disable-next-line no-control-regex -- same, after percent-decoding
	if (/[\\\u0000-\u001f\u007f]/.test(decoded)) return null;
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return null;
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
	if (url.username || url.password) return null;
	if (!allowedOrigins.includes(url.origin)) return null;
	return url.href;
}
