<?php
/**
 * The app's own sign-in: `POST logto-bridge/v1/app/sign-in`.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * An app that signed in with Logto sends its access token for this site and its userinfo token.
 * The bridge verifies both (same subject); the account is then found, linked or created exactly
 * as after a sign-in on wp-login.php (Users::resolve). Bearer tokens on other routes never create
 * a user: this is the one place an app's sign-in may.
 */
final class Rest_App {

	/**
	 * Registers the route. The tokens are the credentials: no cookie, no nonce.
	 */
	public static function register_routes() {
		register_rest_route(
			Rest_Admin::NAMESPACE_V1,
			'/' . Rest_Admin::ROUTES['appSignIn'],
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( __CLASS__, 'sign_in' ),
				'permission_callback' => '__return_true',
				'args'                => array(
					'access_token'   => array(
						'type'      => 'string',
						'required'  => true,
						'maxLength' => 8192,
					),
					'userinfo_token' => array(
						'type'      => 'string',
						'required'  => true,
						'maxLength' => 4096,
					),
					'phone'          => array(
						'type'        => 'string',
						'maxLength'   => 32,
						'description' => 'The number the user typed in the app; the verified one must be it.',
					),
				),
			)
		);
	}

	/**
	 * The WordPress user of the app's Logto sign-in.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function sign_in( \WP_REST_Request $request ) {
		$retry = Rate_Limit::retry_after( 'app_sign_in' );
		if ( $retry ) {
			return Rate_Limit::refusal( $retry );
		}
		Rate_Limit::hit( 'app_sign_in' );
		$verified = Bridge_Tokens::app_account(
			(string) $request['access_token'],
			(string) $request['userinfo_token']
		);
		if ( ! is_wp_error( $verified ) && ! Bearer_Auth::client_allowed( $verified['clientId'] ) ) {
			// Another app of the tenant, with a token for this site's resource: not one the admin listed.
			$verified = new \WP_Error( 'invalid_token' );
		}
		if ( is_wp_error( $verified ) ) {
			$code = $verified->get_error_code();
			if ( 'bridge_unreachable' === $code || 'bridge_error' === $code ) {
				return self::error( 'bridge_unreachable', Error_Messages::get( 'bridge_unreachable' ), 503 );
			}
			$scope = 'insufficient_scope' === $code;
			return self::error(
				$scope ? 'insufficient_scope' : 'invalid_token',
				__( 'The access token is not valid for this site.', 'logto-bridge' ),
				$scope ? 403 : 401
			);
		}
		$claims = $verified['claims'];
		$typed  = (string) $request['phone'];
		if ( '' !== $typed ) {
			$phone = isset( $claims['phone_number'] ) ? Users::e164( (string) $claims['phone_number'] ) : '';
			// As on wp-login.php: an account that answers for another number is not signed in.
			if ( ! hash_equals( Users::e164( $typed ), $phone ) ) {
				return self::error( 'phone_mismatch', Error_Messages::get( 'phone_mismatch' ), 409 );
			}
		}
		$user = Users::resolve( $claims );
		if ( is_wp_error( $user ) ) {
			$code = $user->get_error_code();
			if ( 'link_pending' === $code ) {
				return self::error(
					'link_pending',
					__(
						'An account with your email address or phone number already exists on this site. Sign in on the website once to link it, then sign in here again.',
						'logto-bridge'
					),
					409
				);
			}
			$status = array(
				'busy'               => 503,
				'no_account'         => 403,
				'already_linked'     => 409,
				'admin_link_refused' => 409,
			);
			return self::error( $code, Error_Messages::get( $code ), $status[ $code ] ?? 500 );
		}
		return rest_ensure_response(
			array(
				'id'   => $user->ID,
				'name' => $user->display_name,
			)
		);
	}

	/**
	 * A refusal with its message, under the plugin's `logto_bridge_` prefix.
	 *
	 * @param string $code    Error code, without prefix.
	 * @param string $message What the app shows.
	 * @param int    $status  HTTP status.
	 * @return \WP_Error
	 */
	private static function error( $code, $message, $status ) {
		return new \WP_Error( 'logto_bridge_' . $code, $message, array( 'status' => $status ) );
	}
}
