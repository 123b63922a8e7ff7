<?php
/**
 * Signing out of WordPress also signs a Logto-linked user out of Logto, through the bridge.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `logout_redirect` and `allowed_redirect_hosts` filters.
 */
final class Sign_Out {

	/**
	 * After logout, a Logto-linked user also leaves Logto (through the bridge).
	 *
	 * @param string             $redirect_to Where WordPress would go.
	 * @param string             $requested   Requested redirect.
	 * @param \WP_User|\WP_Error $user        The user who logged out.
	 * @return string
	 */
	public static function logout_redirect( $redirect_to, $requested, $user ) {
		if ( ! $user instanceof \WP_User || '' === Users::sub_of( $user->ID ) || ! Settings::is_configured() ) {
			return $redirect_to;
		}
		$back = wp_validate_redirect( $redirect_to, home_url( '/' ) );
		$back = 0 === strpos( $back, '/' ) ? home_url( $back ) : $back;
		return add_query_arg(
			Bridge_Client::QUERY['signOut']['returnTo'],
			rawurlencode( $back ),
			Bridge_Client::url( 'signOut' )
		);
	}

	/**
	 * Lets wp_safe_redirect reach the configured bridge (its own return_to checks apply there).
	 *
	 * @param string[] $hosts Allowed hosts.
	 * @return string[]
	 */
	public static function allowed_redirect_hosts( $hosts ) {
		$host = wp_parse_url( Bridge_Client::base_url(), PHP_URL_HOST );
		if ( $host ) {
			$hosts[] = $host;
		}
		return $hosts;
	}
}
