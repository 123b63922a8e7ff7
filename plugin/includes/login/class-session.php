<?php
/**
 * Starts a WordPress session for a user who signed in through Logto.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The one place that sets auth cookies, so code that must not (a REST request) never does.
 */
final class Session {

	/**
	 * Signs the user in, with Logto's sid kept in the WordPress session so a back-channel
	 * logout ends exactly that session, and fires `wp_login` as wp-login.php would.
	 *
	 * @param \WP_User $user The user.
	 * @param string   $sid  Logto session ID ('' when Logto sent none).
	 */
	public static function start( \WP_User $user, $sid ) {
		$attach = static function ( $info ) use ( $sid ) {
			if ( '' !== $sid ) {
				$info['logto_sid'] = $sid;
			}
			return $info;
		};
		add_filter( 'attach_session_information', $attach );
		wp_set_current_user( $user->ID );
		wp_set_auth_cookie( $user->ID, false );
		remove_filter( 'attach_session_information', $attach );
		/**
		 * Fires after the user has signed in (documented in wp-includes/user.php).
		 */
		do_action( 'wp_login', $user->user_login, $user ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's own action, fired as wp_signon() fires it.
	}
}
