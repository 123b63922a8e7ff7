import signInLifetime from '../../fixtures/sign-in-lifetime.json' with { type: 'json' };
import tokenFormat from '../../fixtures/token-format.json' with { type: 'json' };

/** Bytes of randomness in a ticket, pending sign-in id, state, nonce or PKCE verifier. */
export const TOKEN_BYTES = tokenFormat.bytes;

/** What such a token looks like on the wire (base64url, 43 characters). */
export const TOKEN_PATTERN = new RegExp(tokenFormat.pattern);

/** How long a sign-in may take at Logto: the pending sign-in and the browser binding live this long. */
export const SIGN_IN_LIFETIME_SECONDS = signInLifetime.seconds;

export const isToken = (value: unknown): value is string => typeof value === 'string' && TOKEN_PATTERN.test(value);
