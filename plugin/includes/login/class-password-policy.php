<?php
/**
 * Password sign-in when Logto is the way in: off when the admin says so, except the
 * break-glass for administrators.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The `authenticate` filter and the break-glass form flag.
 */
final class Password_Policy {

	const BREAK_GLASS = 'logto_break_glass';

	/**
	 * Whether this request is the break-glass form (`wp-login.php?logto_break_glass=1`).
	 *
	 * @return bool
	 */
	public static function is_break_glass() {
		// Wp-login.php's own form; the flag only narrows who may sign in.
		// phpcs:ignore WordPress.Security.NonceVerification
		return isset( $_GET[ self::BREAK_GLASS ] ) || isset( $_POST[ self::BREAK_GLASS ] );
	}

	/**
	 * Refuses password sign-in when it is off, except administrators through the break-glass form.
	 *
	 * @param \WP_User|\WP_Error|null $user     Result so far.
	 * @param string                  $username Submitted username.
	 * @return \WP_User|\WP_Error|null
	 */
	public static function authenticate( $user, $username ) {
		if ( '' === (string) $username || Settings::get()['allow_password'] || ! Settings::is_configured() ) {
			return $user;
		}
		if ( self::is_break_glass() && $user instanceof \WP_User && user_can( $user, 'manage_options' ) ) {
			return $user;
		}
		return new \WP_Error( 'logto_password_disabled', esc_html( Error_Messages::get( 'password_disabled' ) ) );
	}

	/**
	 * No application passwords for Logto-linked users while the password form is off: they
	 * would be a password way in that bypasses Logto (REST and XML-RPC check them directly,
	 * not through `authenticate`).
	 *
	 * @param bool     $available Whether WordPress would offer them.
	 * @param \WP_User $user      User.
	 * @return bool
	 */
	public static function application_passwords_available( $available, $user ) {
		if ( ! $available
			|| ! $user instanceof \WP_User
			|| Settings::get()['allow_password']
			|| ! Settings::is_configured()
		) {
			return $available;
		}
		return '' === Users::sub_of( $user->ID );
	}

	/**
	 * Keeps the break-glass flag on the submitted form.
	 */
	public static function login_form() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only.
		if ( isset( $_GET[ self::BREAK_GLASS ] ) ) {
			echo '<input type="hidden" name="' . esc_attr( self::BREAK_GLASS ) . '" value="1" />';
		}
	}
}
