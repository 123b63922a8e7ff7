<?php
/**
 * REST routes of the settings screen: `manage_options` and the REST nonce apiFetch sends.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `logto-bridge/v1/settings` and `/connection-check`.
 */
final class Rest_Admin {

	const NAMESPACE_V1 = 'logto-bridge/v1';

	/**
	 * The routes other parts call, under the namespace (fixtures/wordpress-rest.json).
	 */
	const ROUTES = array(
		'siteConfig'        => 'site-config',
		'backchannelLogout' => 'backchannel-logout',
		'appSignIn'         => 'app/sign-in',
		'settings'          => 'settings',
		'networkSettings'   => 'network-settings',
		'setup'             => 'setup',
		'networkSetup'      => 'network-setup',
		'activity'          => 'activity',
	);

	/**
	 * Registers the routes with a real permission callback.
	 */
	public static function register_routes() {
		register_rest_route(
			self::NAMESPACE_V1,
			'/' . self::ROUTES['settings'],
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
					'args'                => Settings_Fields::rest_args(),
				),
			)
		);
		if ( Settings::on_network() ) {
			register_rest_route(
				self::NAMESPACE_V1,
				'/' . self::ROUTES['networkSettings'],
				array(
					array(
						'methods'             => \WP_REST_Server::READABLE,
						'callback'            => array( __CLASS__, 'get_network_settings' ),
						'permission_callback' => array( __CLASS__, 'can_manage_network' ),
					),
					array(
						'methods'             => \WP_REST_Server::EDITABLE,
						'callback'            => array( __CLASS__, 'update_network_settings' ),
						'permission_callback' => array( __CLASS__, 'can_manage_network' ),
						'args'                => Settings_Fields::rest_args(),
					),
				)
			);
		}
		register_rest_route(
			self::NAMESPACE_V1,
			'/connection-check',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( __CLASS__, 'connection_check' ),
				'permission_callback' => array( __CLASS__, 'can_manage' ),
			)
		);
	}

	/**
	 * Only administrators configure sign-in, and only from their browser: the cookie and the
	 * REST nonce apiFetch sends. A Logto access token or an application password never runs an
	 * admin action, even an administrator's: the wizard's M2M app can do more than any of them.
	 *
	 * @return bool|\WP_Error
	 */
	public static function can_manage() {
		if ( Bearer_Auth::authenticated()
			|| ( function_exists( 'rest_get_authenticated_app_password' )
				&& null !== rest_get_authenticated_app_password() )
		) {
			return new \WP_Error(
				'logto_bridge_cookie_required',
				__( 'Logto settings are changed only from wp-admin, signed in with a browser.', 'logto-bridge' ),
				array( 'status' => 401 )
			);
		}
		return current_user_can( 'manage_options' );
	}

	/**
	 * The network's settings: as can_manage(), and only for who may manage the network.
	 *
	 * @return bool|\WP_Error
	 */
	public static function can_manage_network() {
		$site = self::can_manage();
		return true === $site ? current_user_can( 'manage_network_options' ) : $site;
	}

	/**
	 * GET network-settings.
	 *
	 * @return \WP_REST_Response
	 */
	public static function get_network_settings() {
		return rest_ensure_response( self::with_roles( Settings::for_browser( true ) ) );
	}

	/**
	 * POST network-settings: all or nothing, with per-field errors.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function update_network_settings( \WP_REST_Request $request ) {
		$result = Settings::update( (array) $request->get_json_params(), true );
		return is_wp_error( $result ) ? $result : rest_ensure_response( self::with_roles( $result ) );
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
		return rest_ensure_response( Bridge_Readiness::check() );
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
