import errorCodes from '../../fixtures/error-codes.json' with { type: 'json' };

/** Every `?logto_error=<code>` wp-login.php understands (fixtures/error-codes.json). */
export type SignInErrorCode = keyof typeof errorCodes.codes;

export const SIGN_IN_ERROR_CODES = Object.keys(errorCodes.codes) as SignInErrorCode[];

/** The codes a given part sends. */
export const errorCodesFrom = (part: 'bridge' | 'wordpress'): SignInErrorCode[] =>
	SIGN_IN_ERROR_CODES.filter((code) => (errorCodes.codes[code].from as string[]).includes(part));
