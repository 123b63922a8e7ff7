import type { SignInErrorCode } from '@logto-bridge/contract';

import { SiteConfigError } from './site-config.js';

export type { SignInErrorCode };

/** A sign-in failure with the code wp-login.php shows; `detail` goes to the log only. */
export class SignInError extends Error {
	constructor(
		readonly code: SignInErrorCode,
		readonly detail?: string,
	) {
		super(detail ? `${code}: ${detail}` : code);
		this.name = 'SignInError';
	}
}

/** The one mapping from any failure in a browser-facing route to a wp-login.php error code. */
export function codeFor(error: unknown): SignInErrorCode {
	if (error instanceof SignInError) return error.code;
	if (error instanceof SiteConfigError) return 'site_unreachable';
	return codeForOidcError(error);
}

/**
 * The OAuth error code of a failed Logto answer: from its JSON body, or from its
 * WWW-Authenticate challenge (a 401 `invalid_client` at the token endpoint comes that way).
 */
export function oauthError(error: unknown): string | undefined {
	const e = error as { error?: unknown; code?: string; cause?: unknown };
	if (typeof e?.error === 'string') return e.error;
	if (e?.code === 'OAUTH_WWW_AUTHENTICATE_CHALLENGE' && Array.isArray(e.cause)) {
		for (const challenge of e.cause as Array<{ parameters?: { error?: unknown } }>) {
			if (typeof challenge?.parameters?.error === 'string') return challenge.parameters.error;
		}
	}
	return undefined;
}

/** Maps an openid-client failure to a code by its stable `code` / `error` fields, never by message. */
export function codeForOidcError(error: unknown): SignInErrorCode {
	const e = error as { code?: string; cause?: { cause?: { signature?: unknown } }; name?: string };
	const oauth = oauthError(error);
	if (oauth === 'access_denied') return 'cancelled';
	// oauth4webapi reports a bad JWS signature as an invalid response whose cause carries the signature checked.
	if (e?.code === 'OAUTH_INVALID_RESPONSE' && e.cause?.cause?.signature !== undefined) return 'invalid_token';
	if (oauth === 'invalid_client' || oauth === 'unauthorized_client') return 'misconfigured';
	if (oauth) return 'idp_error';
	switch (e?.code) {
		case 'OAUTH_RESPONSE_IS_NOT_CONFORM':
		case 'OAUTH_INVALID_RESPONSE':
			return 'idp_error';
		case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
		case 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED':
		case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
		case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
		case 'OAUTH_UNSUPPORTED_OPERATION':
			return 'invalid_token';
		default:
			break;
	}
	if (e?.name === 'TypeError' || e?.code === 'OAUTH_TIMEOUT' || e?.name === 'AbortError' || e?.name === 'TimeoutError') return 'idp_unreachable';
	return 'idp_error';
}
