<?php
/**
 * Starts and ends the WordPress sessions of users who sign in through Logto.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The one place that sets auth cookies, so code that must not (a REST request) never does, and
 * the one that ends sessions for Logto (back-channel logout).
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
		// Core's own action, fired as wp_signon() fires it.
		// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
		do_action( 'wp_login', $user->user_login, $user );
	}

	/**
	 * Ends a user's WordPress sessions begun with Logto: the one with this sid, or all when no sid.
	 *
	 * @param \WP_User    $user The user.
	 * @param string|null $sid  Logto session ID.
	 * @return int How many sessions ended.
	 */
	public static function end( \WP_User $user, $sid ) {
		$sessions = get_user_meta( $user->ID, 'session_tokens', true );
		if ( ! is_array( $sessions ) ) {
			return 0;
		}
		$kept = array();
		foreach ( $sessions as $verifier => $session ) {
			$same_sid = isset( $session['logto_sid'] ) && hash_equals( (string) $session['logto_sid'], (string) $sid );
			if ( null === $sid || $same_sid ) {
				continue;
			}
			$kept[ $verifier ] = $session;
		}
		$ended = count( $sessions ) - count( $kept );
		if ( $ended ) {
			if ( $kept ) {
				update_user_meta( $user->ID, 'session_tokens', $kept );
			} else {
				delete_user_meta( $user->ID, 'session_tokens' );
			}
		}
		return $ended;
	}
}
