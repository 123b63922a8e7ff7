<?php
/**
 * REST routes under logto-bridge/v1: the settings screen's (manage_options) and the bridge's (HMAC).
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers and serves the plugin's REST routes.
 */
final class Rest {

	const NAMESPACE_V1 = 'logto-bridge/v1';

	/**
	 * Registers every route with a real permission callback.
	 */
	public static function register_routes() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/settings',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( __CLASS__, 'get_settings' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
				),
				array(
					'methods'             => \WP_REST_Server::EDITABLE,
					'callback'            => array( __CLASS__, 'update_settings' ),
					'permission_callback' => array( __CLASS__, 'can_manage' ),
					'args'                => array(
						'endpoint'            => array( 'type' => 'string' ),
						'app_id'              => array( 'type' => 'string' ),
						'app_secret'          => array( 'type' => 'string' ),
						'bridge_url'          => array( 'type' => 'string' ),
						'scopes'              => array( 'type' => 'string' ),
						'extra_params'        => array( 'type' => 'object' ),
						'login_mode'          => array( 'type' => 'string' ),
						'allow_password'      => array( 'type' => 'boolean' ),
						'create_users'        => array( 'type' => 'boolean' ),
						'default_role'        => array( 'type' => 'string' ),
						'link_by_email'       => array( 'type' => 'boolean' ),
						'link_by_phone'       => array( 'type' => 'boolean' ),
						'allow_admin_linking' => array( 'type' => 'boolean' ),
						'role_mapping'        => array( 'type' => 'array' ),
						'sync_profile'        => array( 'type' => 'boolean' ),
						'redirect_after'      => array( 'type' => 'string' ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/connection-check',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'connection_check' ),
				'permission_callback' => array( __CLASS__, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/bridge-config',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'bridge_config' ),
				'permission_callback' => array( __CLASS__, 'signed_by_bridge' ),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/backchannel-logout',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( __CLASS__, 'backchannel_logout' ),
				'permission_callback' => array( __CLASS__, 'signed_by_bridge' ),
			)
		);
	}

	/**
	 * Only administrators configure sign-in; the REST nonce comes with apiFetch.
	 *
	 * @return bool
	 */
	public static function can_manage() {
		return current_user_can( 'manage_options' );
	}

	/**
	 * The bridge's HMAC over the exact body, checked in constant time within 300 s.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public static function signed_by_bridge( \WP_REST_Request $request ) {
		if ( Signature::verify( Settings::bridge_secret(), (string) $request->get_header( 'x_logto_bridge_signature' ), (string) $request->get_body() ) ) {
			return true;
		}
		return new \WP_Error( 'invalid_signature', __( 'Invalid or missing signature.', 'logto-bridge' ), array( 'status' => 401 ) );
	}

	/**
	 * GET settings.
	 *
	 * @return \WP_REST_Response
	 */
	public static function get_settings() {
		return rest_ensure_response( self::with_roles( Settings::for_browser() ) );
	}

	/**
	 * POST settings: all or nothing, with per-field errors.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function update_settings( \WP_REST_Request $request ) {
		$result = Settings::update( (array) $request->get_json_params() );
		return is_wp_error( $result ) ? $result : rest_ensure_response( self::with_roles( $result ) );
	}

	/**
	 * GET connection-check: the bridge's readiness, item by item.
	 *
	 * @return \WP_REST_Response
	 */
	public static function connection_check() {
		return rest_ensure_response( Bridge_Client::readiness() );
	}

	/**
	 * GET bridge-config for the bridge.
	 *
	 * @return \WP_REST_Response
	 */
	public static function bridge_config() {
		$response = rest_ensure_response( Settings::for_bridge() );
		$response->header( 'Cache-Control', 'no-store' );
		return $response;
	}

	/**
	 * POST backchannel-logout: ends the WordPress session(s) of that Logto session.
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
		return rest_ensure_response( array( 'ended' => Users::end_sessions( $sub, $sid ) ) );
	}

	/**
	 * Adds the site's roles for the role-mapping rows.
	 *
	 * @param array<string,mixed> $settings Settings for the browser.
	 * @return array<string,mixed>
	 */
	private static function with_roles( array $settings ) {
		$settings['available_roles'] = array();
		foreach ( wp_roles()->get_names() as $slug => $name ) {
			$settings['available_roles'][] = array(
				'value' => $slug,
				'label' => translate_user_role( $name ),
			);
		}
		return $settings;
	}
}
