<?php
/**
 * What wp-login.php shows: the error, the Logto button or phone field, the redirect mode.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Extends wp-login.php's screen through its own hooks rather than replacing it.
 */
final class Login_Screen {

	/**
	 * Redirect mode: plain visits to the sign-in form go straight to Logto.
	 */
	public static function maybe_redirect() {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only routing.
		$action = isset( $_REQUEST['action'] ) ? sanitize_key( wp_unslash( $_REQUEST['action'] ) ) : 'login';
		$failed = isset( $_GET[ Bridge_Client::QUERY['wpLogin']['error'] ] );
		if ( 'login' !== $action
			|| 'GET' !== Sign_In_Flow::method()
			|| $failed
			|| Password_Policy::is_break_glass()
			|| isset( $_GET['loggedout'] )
		) {
			return;
		}
		// phpcs:enable
		if ( 'redirect' === Settings::get()['login_mode'] && Settings::is_configured() && ! is_user_logged_in() ) {
			Sign_In_Flow::start();
		}
	}

	/**
	 * Above the form: the error, the Logto button or phone field, and the break-glass note.
	 *
	 * @param string $message Existing login message HTML.
	 * @return string
	 */
	public static function login_message( $message ) {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- display only.
		$action = isset( $_REQUEST['action'] ) ? sanitize_key( wp_unslash( $_REQUEST['action'] ) ) : 'login';
		if ( 'login' !== $action ) {
			return $message;
		}
		$html  = '';
		$error = Bridge_Client::QUERY['wpLogin']['error'];
		if ( isset( $_GET[ $error ] ) && is_string( $_GET[ $error ] ) ) {
			$notice = isset( $_GET[ Login_Errors::NOTICE ] ) && is_string( $_GET[ Login_Errors::NOTICE ] )
				? Login_Errors::notice( sanitize_key( wp_unslash( $_GET[ Login_Errors::NOTICE ] ) ) )
				: '';
			$html  .= self::error_box( sanitize_key( wp_unslash( $_GET[ $error ] ) ), $notice );
		}
		if ( Settings::is_configured() ) {
			$redirect = isset( $_REQUEST['redirect_to'] ) && is_string( $_REQUEST['redirect_to'] )
				? esc_url_raw( wp_unslash( $_REQUEST['redirect_to'] ) )
				: '';
			$html    .= Sign_In_Form::render(
				'phone' === Settings::get()['login_mode'] ? 'phone' : 'buttons',
				$redirect,
				'',
				self::phone_first()
			);
		}
		// phpcs:enable
		if ( Password_Policy::is_break_glass() ) {
			$html .= sprintf(
				'<p class="message">%s</p>',
				esc_html__( 'Emergency sign-in: only administrators can sign in with a password here.', 'logto-bridge' )
			);
		}
		return $message . $html;
	}

	/**
	 * The error above the form, with what the visitor can do next.
	 *
	 * @param string $code   Error code.
	 * @param string $notice The detail kept for it ('' when none), e.g. the number verified at Logto.
	 * @return string HTML.
	 */
	private static function error_box( $code, $notice ) {
		$text = Error_Messages::get( $code );
		if ( in_array( $code, array( 'bridge_unreachable', 'idp_unreachable' ), true ) ) {
			$text .= ' ' . ( Settings::get()['allow_password']
				? __( 'You can still sign in with your password below.', 'logto-bridge' )
				: __( 'Administrators can use the emergency password sign-in.', 'logto-bridge' ) );
		}
		if ( 'phone_mismatch' === $code && '' !== $notice ) {
			/* translators: %s: the phone number the visitor verified at Logto, e.g. +8613800138000. */
			$text .= ' ' . sprintf( __( 'You verified %s.', 'logto-bridge' ), $notice );
		}
		$html = '<p>' . esc_html( $text ) . '</p>';
		if ( in_array( $code, array( 'no_account', 'phone_mismatch' ), true ) ) {
			// A fresh sign-in: Logto asks for a number again instead of answering from its session.
			$again = add_query_arg(
				array(
					'action' => Sign_In_Flow::ACTION_START,
					'fresh'  => '1',
				),
				wp_login_url()
			);
			$html .= sprintf(
				'<p><a href="%s">%s</a></p>',
				esc_url( $again ),
				esc_html__( 'Use another number', 'logto-bridge' )
			);
		}
		return '<div id="login_error" class="notice notice-error" role="alert">' . $html . '</div>';
	}

	/**
	 * Whether wp-login.php leads with the phone field (phone mode, not the break-glass).
	 *
	 * @return bool
	 */
	private static function phone_first() {
		return 'phone' === Settings::get()['login_mode']
			&& Settings::is_configured()
			&& ! Password_Policy::is_break_glass();
	}

	/**
	 * In phone mode the phone field takes the focus. WordPress would move it to the username
	 * field 200 ms after load, so a visitor who started typing their number would type it there.
	 *
	 * @param bool $enabled Whether wp-login.php focuses the username field.
	 * @return bool
	 */
	public static function enable_login_autofocus( $enabled ) {
		return $enabled && ! self::phone_first();
	}

	/**
	 * The browser opens its connections to the bridge and to Logto, the next two hops of a sign-in,
	 * while the visitor reads the page (no handshake waits for their click); hides the password form
	 * when it is turned off (unless in break-glass).
	 */
	public static function login_head() {
		if ( ! Settings::is_configured() ) {
			return;
		}
		$settings = Settings::get();
		$origins  = array( Settings::origin( $settings['bridge_url'] ), Settings::origin( $settings['endpoint'] ) );
		foreach ( array_unique( array_filter( $origins ) ) as $origin ) {
			printf( '<link rel="preconnect" href="%s">' . "\n", esc_url( $origin ) );
		}
		if ( $settings['allow_password'] || Password_Policy::is_break_glass() ) {
			return;
		}
		echo '<style>#loginform,#nav{display:none}</style>';
	}
}
