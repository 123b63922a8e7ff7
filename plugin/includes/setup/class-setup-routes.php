<?php
/**
 * Where the setup wizard runs: a site's Logto > Settings, or on a network Network Admin > Logto.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The wizard's REST routes and their scope. On a network the connection it writes (endpoint, app,
 * role mapping defaults) is the network's, so only the network's routes, open to who may manage
 * the network, run it; a site's own routes refuse with where to go.
 */
final class Setup_Routes {

	/**
	 * Registers the routes: a site's, and on a network the network's (Network Admin > Logto).
	 */
	public static function register_routes() {
		self::register_scope( Rest_Admin::ROUTES['setup'], array( __CLASS__, 'can_run_on_site' ) );
		if ( Settings::on_network() ) {
			$network_admins = array( Rest_Admin::class, 'can_manage_network' );
			self::register_scope( Rest_Admin::ROUTES['networkSetup'], $network_admins );
		}
	}

	/**
	 * The wizard's routes under one base: its state (GET) and a route per step.
	 *
	 * @param string   $base       `setup` or `network-setup`.
	 * @param callable $permission Who may run them.
	 */
	private static function register_scope( $base, $permission ) {
		// Each step's method is its path, with _ for - (sms-test is sms_test).
		foreach ( Rest_Setup::STEPS as $path ) {
			register_rest_route(
				Rest_Admin::NAMESPACE_V1,
				'/' . $base . '/' . $path,
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( Rest_Setup::class, str_replace( '-', '_', $path ) ),
					'permission_callback' => $permission,
				)
			);
		}
		register_rest_route(
			Rest_Admin::NAMESPACE_V1,
			'/' . $base,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( Rest_Setup::class, 'state' ),
				'permission_callback' => $permission,
			)
		);
	}

	/**
	 * A site's wizard: its administrators, and not on a network, where the connection it writes
	 * is the network's (a site's administrator may not change it).
	 *
	 * @return bool|\WP_Error
	 */
	public static function can_run_on_site() {
		$allowed = Rest_Admin::can_manage();
		if ( true === $allowed && Settings::on_network() ) {
			return new \WP_Error(
				'logto_bridge_network_setup',
				__( 'On a network, Logto is set up once for every site, in Network Admin > Logto.', 'logto-bridge' ),
				array( 'status' => 403 )
			);
		}
		return $allowed;
	}

	/**
	 * Whether the request runs the network's wizard. Told by its route, which only who may manage
	 * the network can call, never by a parameter.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return bool
	 */
	public static function for_network( \WP_REST_Request $request ) {
		$base = '/' . Rest_Admin::NAMESPACE_V1 . '/' . Rest_Admin::ROUTES['networkSetup'];
		return 0 === strpos( $request->get_route(), $base );
	}

	/**
	 * The site Logto's app is marked with: on a network, its main site.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return string
	 */
	public static function site_url( \WP_REST_Request $request ) {
		return self::for_network( $request ) ? get_home_url( get_main_site_id(), '/' ) : home_url( '/' );
	}
}
