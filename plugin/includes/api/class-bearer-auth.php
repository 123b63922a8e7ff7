<?php
/**
 * Logto access tokens on the REST API.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `Authorization: Bearer <Logto access token>` on a REST request authenticates the WordPress
 * user linked to the token's subject. The bridge verifies the token (signature from Logto's
 * JWKS, issuer, this site's API resource as audience, exp/nbf); a good answer is cached until
 * the token expires, keyed by the token's hash. A token never creates a user. Its scopes bound
 * it: wp:read reads only, wp:write may write within the user's own capabilities.
 */
final class Bearer_Auth {

	const CACHE_PREFIX = 'logto_bearer_';
	const READ         = 'wp:read';
	const WRITE        = 'wp:write';

	/**
	 * What this request's token came to: the user and scopes, or the error to answer with.
	 *
	 * @var array{user_id?: int, scopes?: string[], error?: string}|null
	 */
	private static $result = null;

	/**
	 * The API resource indicator Logto's access tokens for this site carry as their audience. On a
	 * network, one for every site (the main site's REST API): its members are users of every site,
	 * and one Logto API resource (the network's wizard registers it) serves them all.
	 *
	 * @return string
	 */
	public static function resource() {
		$configured = (string) Settings::get()['api_resource'];
		if ( '' !== $configured ) {
			return $configured;
		}
		return untrailingslashit( Settings::on_network() ? network_home_url( '/wp-json' ) : home_url( '/wp-json' ) );
	}

	/**
	 * The `determine_current_user` filter: the linked user of a valid bearer token on a REST
	 * request. Requests without a bearer header cost one header lookup.
	 *
	 * @param int|false $user_id A user already found (cookie, application password), or false.
	 * @return int|false
	 */
	public static function determine_current_user( $user_id ) {
		if ( $user_id ) {
			return $user_id;
		}
		$token = self::bearer_token();
		if ( null === $token || ! self::is_rest_request() ) {
			return $user_id;
		}
		self::$result = self::check( $token );
		if ( isset( self::$result['user_id'] )
			&& '' === (string) get_userdata( self::$result['user_id'] )->user_email
		) {
			// A phone-only account has no email. WordPress's comment form asks signed-in users for
			// none; its REST controller would, so the account itself identifies the author here too.
			add_filter( 'pre_option_require_name_email', '__return_zero' );
		}
		return self::$result['user_id'] ?? $user_id;
	}

	/**
	 * The `rest_authentication_errors` filter: a bad or expired token is a 401, whatever else.
	 *
	 * @param \WP_Error|true|null $errors Errors so far.
	 * @return \WP_Error|true|null
	 */
	public static function authentication_errors( $errors ) {
		if ( null === self::$result && self::is_rest_request() && null !== self::bearer_token() ) {
			// The REST server has just forgotten an anonymous answer given before REST_REQUEST
			// was defined; ask again now, before core's own checks run.
			wp_get_current_user();
		}
		if ( null === self::$result ) {
			return $errors;
		}
		if ( isset( self::$result['retry_after'] ) ) {
			return Rate_Limit::refusal( self::$result['retry_after'] );
		}
		if ( isset( self::$result['error'] ) ) {
			$status = 'insufficient_scope' === self::$result['error'] ? 403 : 401;
			return new \WP_Error(
				'logto_bridge_' . self::$result['error'],
				__( 'The access token is not valid for this site.', 'logto-bridge' ),
				array( 'status' => $status )
			);
		}
		// Authenticated by the token: no cookie nonce applies to this request.
		return true;
	}

	/**
	 * The `rest_pre_dispatch` filter: a wp:read token reads only.
	 *
	 * @param mixed            $result  A response already decided, or null.
	 * @param \WP_REST_Server  $server  The server.
	 * @param \WP_REST_Request $request The request.
	 * @return mixed
	 */
	public static function enforce_scope( $result, $server, $request ) {
		unset( $server );
		if ( null !== $result || empty( self::$result['user_id'] ) ) {
			return $result;
		}
		$reads = in_array( $request->get_method(), array( 'GET', 'HEAD', 'OPTIONS' ), true );
		if ( ! $reads && ! in_array( self::WRITE, self::$result['scopes'], true ) ) {
			self::$result['error'] = 'insufficient_scope';
			return new \WP_Error(
				'logto_bridge_insufficient_scope',
				__( 'This access token may only read: it lacks the wp:write scope.', 'logto-bridge' ),
				array( 'status' => 403 )
			);
		}
		return $result;
	}

	/**
	 * The `rest_post_dispatch` filter: the RFC 6750 challenge on a refused token, no detail.
	 *
	 * @param \WP_REST_Response $response The response.
	 * @return \WP_REST_Response
	 */
	public static function challenge( $response ) {
		if ( isset( self::$result['error'] )
			&& ! isset( self::$result['retry_after'] )
			&& $response instanceof \WP_REST_Response
		) {
			$error = 'insufficient_scope' === self::$result['error'] ? 'insufficient_scope' : 'invalid_token';
			$response->header( 'WWW-Authenticate', 'Bearer error="' . $error . '"' );
		}
		return $response;
	}

	/**
	 * A token's user and scopes, from the cache or the bridge.
	 *
	 * @param string $token The bearer token.
	 * @return array{user_id?: int, scopes?: string[], error?: string}
	 */
	private static function check( $token ) {
		// Keyed by what the acceptance depended on too: a new API resource, Logto or list of
		// apps ends every cached acceptance at once.
		$settings = Settings::get();
		$depends  = array( $token, self::resource(), $settings['endpoint'], $settings['api_clients'] );
		$key      = self::CACHE_PREFIX . hash( 'sha256', implode( "\n", $depends ) );
		$cached   = get_transient( $key );
		if ( is_array( $cached ) && isset( $cached['sub'], $cached['exp'] ) && $cached['exp'] > time() ) {
			$verified = $cached;
		} else {
			$retry = Rate_Limit::retry_after( 'bearer_failed' );
			if ( $retry ) {
				return array(
					'error'       => 'rate_limited',
					'retry_after' => $retry,
				);
			}
			$verified = Bridge_Tokens::verify( $token );
			if ( is_wp_error( $verified ) ) {
				Rate_Limit::hit( 'bearer_failed' );
				$scope_only = 'insufficient_scope' === $verified->get_error_code();
				return array( 'error' => $scope_only ? 'insufficient_scope' : 'invalid_token' );
			}
			if ( ! self::client_allowed( $verified['clientId'] ?? null ) ) {
				Rate_Limit::hit( 'bearer_failed' );
				return array( 'error' => 'invalid_token' );
			}
			set_transient( $key, $verified, max( 1, (int) $verified['exp'] - time() ) );
		}
		$user = Users::find_by_sub( (string) $verified['sub'] );
		if ( ! $user ) {
			// Not linked: the first sign-in (on the site or in the app) makes the account.
			Rate_Limit::hit( 'bearer_failed' );
			return array( 'error' => 'invalid_token' );
		}
		return array(
			'user_id' => $user->ID,
			'scopes'  => array_values( array_map( 'strval', (array) $verified['scopes'] ) ),
		);
	}

	/**
	 * Whether the app a token was issued to may use the REST API: Logto > Settings lists the
	 * client IDs (any app of the tenant can get a token for the resource otherwise).
	 *
	 * @param mixed $client_id The token's client_id.
	 * @return bool
	 */
	public static function client_allowed( $client_id ) {
		$allowed = Settings_Validator::client_ids( (string) Settings::get()['api_clients'] );
		return is_string( $client_id ) && '' !== $client_id && in_array( $client_id, $allowed, true );
	}

	/**
	 * The bearer token of this request, or null.
	 *
	 * @return string|null
	 */
	private static function bearer_token() {
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- compared, then sent to the bridge as is.
		$header = $_SERVER['HTTP_AUTHORIZATION'] ?? ( $_SERVER['REDIRECT_HTTP_AUTHORIZATION'] ?? '' );
		if ( ! is_string( $header ) || 0 !== strncasecmp( $header, 'Bearer ', 7 ) ) {
			return null;
		}
		$token = trim( substr( $header, 7 ) );
		return ( '' !== $token && strlen( $token ) <= 8192 ) ? $token : null;
	}

	/**
	 * Whether core's REST server is serving this request. Like application passwords, a token
	 * counts only once `rest_api_loaded()` has defined REST_REQUEST: `?rest_route=` on
	 * wp-comments-post.php, admin-ajax.php, admin-post.php or wp-admin never gets there, so
	 * their handlers see an anonymous visitor. A user asked for earlier (a plugin on `init`) is
	 * anonymous; the REST server forgets that answer and asks again before it dispatches.
	 *
	 * @return bool
	 */
	private static function is_rest_request() {
		return defined( 'REST_REQUEST' ) && REST_REQUEST;
	}

	/**
	 * Whether a bearer token authenticated this request. Admin routes refuse such requests: they
	 * need the cookie and the REST nonce, whatever the token's user may do elsewhere.
	 *
	 * @return bool
	 */
	public static function authenticated() {
		return ! empty( self::$result['user_id'] );
	}
}
