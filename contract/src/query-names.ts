import queryNames from '../../fixtures/query-names.json' with { type: 'json' };

/** What the bridge adds to wp-login.php URLs (fixtures/query-names.json). */
export const WP_LOGIN_QUERY = queryNames.wpLogin;
/** What WordPress sends to the bridge's `/sign-in`. */
export const SIGN_IN_QUERY = queryNames.signIn;
/** What WordPress sends to the bridge's `/sign-out`. */
export const SIGN_OUT_QUERY = queryNames.signOut;
