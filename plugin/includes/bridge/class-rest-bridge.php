<?php
/**
 * REST routes the bridge calls: each request HMAC-signed with the shared secret.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `logto-bridge/v1/site-config`, `/backchannel-logout` and `/activity`.
 */
final class Rest_Bridge {

	/**
	 * The nonce of the request being served, for signing its answer.
	 *
	 * @var string
	 */
	private static $nonce = '';

	/**
	 * Registers the routes with the signature check as their permission callback.
	 */
	public static function register_routes() {
		$routes = array(
			'siteConfig'        => 'site_config',
			'backchannelLogout' => 'backchannel_logout',
			'activity'          => 'activity',
		);
		foreach ( $routes as $route => $callback ) {
			register_rest_route(
				Rest_Admin::NAMESPACE_V1,
				'/' . Rest_Admin::ROUTES[ $route ],
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( __CLASS__, $callback ),
					'permission_callback' => array( __CLASS__, 'signed_by_bridge' ),
				)
			);
		}
	}

	/**
	 * The bridge's HMAC over method, route, time, nonce and the exact body, checked in constant
	 * time within 300 s, and a nonce never seen before.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public static function signed_by_bridge( \WP_REST_Request $request ) {
		$nonce = Signature::verify(
			Settings::bridge_secret(),
			(string) $request->get_header( 'x_logto_bridge_signature' ),
			$request->get_method(),
			$request->get_route(),
			(string) $request->get_body()
		);
		if ( false !== $nonce && Replay_Guard::first_use( $nonce ) ) {
			self::$nonce = $nonce;
			return true;
		}
		return new \WP_Error(
			'invalid_signature',
			__( 'Invalid, replayed or missing signature.', 'logto-bridge' ),
			array( 'status' => 401 )
		);
	}

	/**
	 * POST site-config for the bridge: the settings as a JSON string with its signature beside
	 * it, since WordPress re-encodes what a route returns (the bytes signed must be the bytes read).
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public static function site_config( \WP_REST_Request $request ) {
		$payload  = (string) wp_json_encode( Settings::site_config( Bearer_Auth::resource() ) );
		$response = rest_ensure_response(
			array(
				'payload'   => $payload,
				'signature' => Signature::sign(
					Settings::bridge_secret(),
					Signature::RESPONSE,
					$request->get_route(),
					$payload,
					null,
					self::$nonce
				),
			)
		);
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * POST backchannel-logout: ends the WordPress session(s) of that Logto session, and cancels
	 * the account links it asked for.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function backchannel_logout( \WP_REST_Request $request ) {
		$data = $request->get_json_params();
		$sub  = isset( $data['sub'] ) && is_string( $data['sub'] ) ? $data['sub'] : '';
		$sid  = isset( $data['sid'] ) && is_string( $data['sid'] ) ? $data['sid'] : null;
		if ( '' === $sub ) {
			return new \WP_Error( 'invalid_request', 'sub is required', array( 'status' => 400 ) );
		}
		$user = Users::find_by_sub( $sub );
		return rest_ensure_response(
			array(
				'ended'     => $user ? Session::end( $user, $sid ) : 0,
				// A link request that Logto session made would otherwise still sign someone in.
				'cancelled' => Account_Link::cancel( $sub, $sid ),
			)
		);
	}

	/**
	 * POST activity: the sign-ins the bridge refused, batched, for Logto > Activity.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function activity( \WP_REST_Request $request ) {
		$report = $request->get_json_params();
		if ( ! Activity_Log::valid_report( $report ) ) {
			return new \WP_Error( 'invalid_request', 'not an activity report', array( 'status' => 400 ) );
		}
		foreach ( $report['events'] as $event ) {
			Activity_Log::record( $event['step'], $event['reason'], $event['instance'], $event['flow'], $event['at'] );
		}
		return rest_ensure_response( array( 'recorded' => count( $report['events'] ) ) );
	}
}
