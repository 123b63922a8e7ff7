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

/** Maps an openid-client failure to a code by its stable `code` / `error` fields, never by message. */
export function codeForOidcError(error: unknown): SignInErrorCode {
	const e = error as { code?: string; error?: string; cause?: { cause?: { signature?: unknown } }; name?: string };
	if (e?.error === 'access_denied') return 'cancelled';
	// oauth4webapi reports a bad JWS signature as an invalid response whose cause carries the signature checked.
	if (e?.code === 'OAUTH_INVALID_RESPONSE' && e.cause?.cause?.signature !== undefined) return 'invalid_token';
	if (e?.error === 'invalid_client' || e?.error === 'unauthorized_client') return 'misconfigured';
	if (e?.error) return 'idp_error';
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
