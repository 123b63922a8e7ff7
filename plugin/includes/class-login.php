<?php
/**
 * wp-login.php through Logto: start, callback, messages, modes, break-glass and sign-out.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Extends wp-login.php with `login_form_{action}` hooks rather than replacing it.
 */
final class Login {

	const ACTION_START    = 'logto-sign-in';
	const ACTION_CALLBACK = 'logto-callback';
	const BREAK_GLASS     = 'logto_break_glass';

	/**
	 * Translated messages for `?logto_error=<code>`.
	 *
	 * @param string $code Error code from the bridge or from us.
	 * @return string
	 */
	public static function error_message( $code ) {
		switch ( $code ) {
			case 'cancelled':
				return __( 'Sign-in with Logto was cancelled.', 'logto-bridge' );
			case 'state_mismatch':
			case 'ticket_gone':
				return __( 'This sign-in link has expired or was already used. Please try again.', 'logto-bridge' );
			case 'invalid_phone':
				return __( 'Enter a valid phone number with its country code, for example +1 201 555 0123.', 'logto-bridge' );
			case 'idp_unreachable':
				return __( 'Logto is unreachable right now. Please try again in a moment.', 'logto-bridge' );
			case 'bridge_unreachable':
				return __( 'Sign-in with Logto is unavailable right now.', 'logto-bridge' );
			case 'no_account':
				return __( 'There is no account on this site for that Logto user, and new accounts are not created automatically.', 'logto-bridge' );
			case 'already_linked':
			case 'admin_link_refused':
				return __( 'An account with that email address or phone number already exists and cannot be linked automatically. Please contact the site administrator.', 'logto-bridge' );
			case 'busy':
				return __( 'Another sign-in for this account is in progress. Please try again.', 'logto-bridge' );
			case 'not_configured':
			case 'site_unreachable':
			case 'misconfigured':
				return __( 'Sign-in with Logto is not set up correctly. Please contact the site administrator.', 'logto-bridge' );
			case 'password_disabled':
				return __( 'Password sign-in is turned off on this site. Please sign in with Logto.', 'logto-bridge' );
			default:
				return __( 'Logto could not complete the sign-in. Please try again.', 'logto-bridge' );
		}
	}

	/**
	 * Redirects back to wp-login.php with an error code, keeping redirect_to.
	 *
	 * @param string $code Error code.
	 */
	private static function fail( $code ) {
		wp_safe_redirect( add_query_arg( 'logto_error', rawurlencode( $code ), wp_login_url() ) );
		exit;
	}

	/**
	 * Where to go after sign-in: the validated redirect_to, else the setting, else the dashboard.
	 *
	 * @param string $requested Requested URL (may be empty).
	 * @return string Absolute URL on this site.
	 */
	public static function return_to( $requested ) {
		$fallback = (string) Settings::get()['redirect_after'];
		$fallback = '' === $fallback ? admin_url() : ( 0 === strpos( $fallback, '/' ) ? home_url( $fallback ) : $fallback );
		// wp_validate_redirect() returns an empty location as is.
		$target = '' === trim( (string) $requested ) ? $fallback : wp_validate_redirect( $requested, $fallback );
		return 0 === strpos( $target, '/' ) ? home_url( $target ) : $target;
	}

	/**
	 * `wp-login.php?action=logto-sign-in[&phone=][&redirect_to=]`: hands the visitor to the bridge.
	 */
	public static function start() {
		if ( ! Settings::is_configured() ) {
			self::fail( 'not_configured' );
		}
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- starting a sign-in changes nothing here; the bridge guards the flow with state, nonce and PKCE.
		$requested = isset( $_REQUEST['redirect_to'] ) ? esc_url_raw( wp_unslash( $_REQUEST['redirect_to'] ) ) : '';
		$phone     = isset( $_REQUEST['phone'] ) ? preg_replace( '/[^\d+]/', '', sanitize_text_field( wp_unslash( $_REQUEST['phone'] ) ) ) : '';
		// phpcs:enable
		$bridge = Bridge_Client::base_url();
		// A dead bridge would leave the visitor on a browser error page; say it here instead.
		$health = wp_remote_get( $bridge . '/healthz', array( 'timeout' => 3 ) );
		if ( is_wp_error( $health ) || 200 !== (int) wp_remote_retrieve_response_code( $health ) ) {
			self::fail( 'bridge_unreachable' );
		}
		$args = array( 'return_to' => rawurlencode( self::return_to( $requested ) ) );
		if ( '' !== $phone ) {
			if ( 0 !== strpos( $phone, '+' ) ) {
				self::fail( 'invalid_phone' );
			}
			$args['phone'] = rawurlencode( $phone );
		}
		wp_redirect( add_query_arg( $args, $bridge . '/sign-in' ) ); // phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect -- the admin-configured bridge.
		exit;
	}

	/**
	 * `wp-login.php?action=logto-callback&ticket=T`: redeems the ticket server-side and signs in.
	 */
	public static function callback() {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- the ticket (or resume key) is the single-use credential.
		$ticket = isset( $_GET['ticket'] ) ? sanitize_text_field( wp_unslash( $_GET['ticket'] ) ) : '';
		$resume = isset( $_GET['resume'] ) ? sanitize_key( wp_unslash( $_GET['resume'] ) ) : '';
		// phpcs:enable
		if ( '' !== $resume ) {
			$redeemed = self::take_pending( $resume );
		} else {
			if ( ! preg_match( '/^[A-Za-z0-9_-]{43}$/', $ticket ) ) {
				self::fail( 'ticket_gone' );
			}
			$redeemed = Bridge_Client::redeem( $ticket );
			if ( is_wp_error( $redeemed ) ) {
				self::fail( 'bridge_unreachable' === $redeemed->get_error_code() ? 'bridge_unreachable' : ( 'ticket_gone' === $redeemed->get_error_code() ? 'ticket_gone' : 'idp_error' ) );
			}
			$redeemed['attempts'] = 0;
		}
		$user = Users::resolve( $redeemed['claims'] );
		if ( is_wp_error( $user ) && 'busy' === $user->get_error_code() && $redeemed['attempts'] < 20 ) {
			// Another request is creating this user right now: come back in a moment.
			$key = strtolower( wp_generate_password( 32, false, false ) );
			++$redeemed['attempts'];
			set_transient( 'logto_bridge_pending_' . $key, $redeemed, 60 );
			wp_safe_redirect( add_query_arg( array( 'action' => self::ACTION_CALLBACK, 'resume' => $key ), wp_login_url() ) );
			exit;
		}
		if ( is_wp_error( $user ) ) {
			self::fail( $user->get_error_code() );
		}
		$sid = isset( $redeemed['claims']['sid'] ) ? (string) $redeemed['claims']['sid'] : '';
		// Keep Logto's sid with this WordPress session, so a back-channel logout ends exactly it.
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
		/** This action is documented in wp-includes/user.php */
		do_action( 'wp_login', $user->user_login, $user );
		wp_safe_redirect( self::return_to( (string) ( $redeemed['return_to'] ?? '' ) ) );
		exit;
	}

	/**
	 * The redeemed sign-in parked by a 'busy' callback, once; a short pause lets the other
	 * request finish creating the user.
	 *
	 * @param string $key Resume key.
	 * @return array<string,mixed>
	 */
	private static function take_pending( $key ) {
		usleep( 250000 );
		$pending = get_transient( 'logto_bridge_pending_' . $key );
		delete_transient( 'logto_bridge_pending_' . $key );
		if ( ! is_array( $pending ) || ! isset( $pending['claims']['sub'] ) ) {
			self::fail( 'ticket_gone' );
		}
		return $pending;
	}

	/**
	 * Redirect mode: plain visits to the sign-in form go straight to Logto.
	 */
	public static function maybe_redirect() {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- read-only routing.
		$action = isset( $_REQUEST['action'] ) ? sanitize_key( wp_unslash( $_REQUEST['action'] ) ) : 'login';
		if ( 'login' !== $action || 'GET' !== ( $_SERVER['REQUEST_METHOD'] ?? 'GET' ) || isset( $_GET['logto_error'] ) || isset( $_GET[ self::BREAK_GLASS ] ) || isset( $_GET['loggedout'] ) ) {
			return;
		}
		// phpcs:enable
		if ( 'redirect' === Settings::get()['login_mode'] && Settings::is_configured() && ! is_user_logged_in() ) {
			self::start();
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
		$html = '';
		if ( isset( $_GET['logto_error'] ) ) {
			$code  = sanitize_key( wp_unslash( $_GET['logto_error'] ) );
			$text  = self::error_message( $code );
			$extra = '';
			if ( in_array( $code, array( 'bridge_unreachable', 'idp_unreachable' ), true ) ) {
				$extra = Settings::get()['allow_password']
					? ' ' . __( 'You can still sign in with your password below.', 'logto-bridge' )
					: ' ' . __( 'Administrators can use the emergency password sign-in.', 'logto-bridge' );
			}
			$html .= '<div id="login_error" class="notice notice-error" role="alert"><p>' . esc_html( $text . $extra ) . '</p></div>';
		}
		$s = Settings::get();
		if ( Settings::is_configured() ) {
			$redirect = isset( $_REQUEST['redirect_to'] ) ? esc_url_raw( wp_unslash( $_REQUEST['redirect_to'] ) ) : '';
			$html    .= self::sign_in_form( 'phone' === $s['login_mode'] ? 'phone' : 'default', $redirect, '', self::phone_first() );
		}
		if ( isset( $_GET[ self::BREAK_GLASS ] ) ) {
			$html .= '<p class="message">' . esc_html__( 'Emergency sign-in: only administrators can sign in with a password here.', 'logto-bridge' ) . '</p>';
		}
		// phpcs:enable
		return $message . $html;
	}

	/**
	 * Whether wp-login.php leads with the phone field (phone mode, not the break-glass).
	 *
	 * @return bool
	 */
	private static function phone_first() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only.
		return 'phone' === Settings::get()['login_mode'] && Settings::is_configured() && ! isset( $_GET[ self::BREAK_GLASS ] );
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
	 * The sign-in form shared by wp-login.php, the block and the shortcode.
	 *
	 * @param string $mode      default | phone.
	 * @param string $redirect  Where to go after sign-in.
	 * @param string $label     Button label ('' for the default).
	 * @param bool   $autofocus Whether the phone field takes the focus (wp-login.php only, never on a page).
	 * @return string HTML.
	 */
	public static function sign_in_form( $mode, $redirect, $label, $autofocus = false ) {
		$id    = wp_unique_id( 'logto-bridge-phone-' );
		$label = '' !== $label ? $label : ( 'phone' === $mode ? __( 'Continue with phone', 'logto-bridge' ) : __( 'Sign in with Logto', 'logto-bridge' ) );
		$html  = '<form class="logto-bridge-sign-in__form" method="get" action="' . esc_url( wp_login_url() ) . '">';
		$html .= '<input type="hidden" name="action" value="' . esc_attr( self::ACTION_START ) . '" />';
		if ( '' !== $redirect ) {
			$html .= '<input type="hidden" name="redirect_to" value="' . esc_url( $redirect ) . '" />';
		}
		if ( 'phone' === $mode ) {
			$html .= '<p><label for="' . esc_attr( $id ) . '">' . esc_html__( 'Phone number', 'logto-bridge' ) . '</label>';
			$html .= '<input id="' . esc_attr( $id ) . '" class="input logto-bridge-sign-in__phone" type="tel" name="phone" autocomplete="tel" inputmode="tel" placeholder="+1 201 555 0123" pattern="\+[0-9 ()-]{6,24}" title="' . esc_attr__( 'Start with + and the country code, for example +86 138 0013 8000.', 'logto-bridge' ) . '" required' . ( $autofocus ? ' autofocus' : '' ) . ' /></p>';
		}
		$html .= '<p><button type="submit" class="button button-primary button-large wp-element-button logto-bridge-sign-in__button">' . esc_html( $label ) . '</button></p>';
		$html .= '</form>';
		return $html;
	}

	/**
	 * Hides the password form when it is turned off (unless in break-glass).
	 */
	public static function login_head() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- display only.
		if ( Settings::get()['allow_password'] || isset( $_GET[ self::BREAK_GLASS ] ) || ! Settings::is_configured() ) {
			return;
		}
		echo '<style>#loginform,#nav{display:none}</style>';
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
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- wp-login.php's own form; the flag only narrows who may sign in.
		$break_glass = isset( $_POST[ self::BREAK_GLASS ] ) || isset( $_GET[ self::BREAK_GLASS ] );
		if ( $break_glass && $user instanceof \WP_User && user_can( $user, 'manage_options' ) ) {
			return $user;
		}
		return new \WP_Error( 'logto_password_disabled', esc_html( self::error_message( 'password_disabled' ) ) );
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

	/**
	 * After logout, a Logto-linked user also leaves Logto (through the bridge).
	 *
	 * @param string            $redirect_to Where WordPress would go.
	 * @param string            $requested   Requested redirect.
	 * @param \WP_User|\WP_Error $user       The user who logged out.
	 * @return string
	 */
	public static function logout_redirect( $redirect_to, $requested, $user ) {
		if ( ! $user instanceof \WP_User || ! get_user_meta( $user->ID, Users::META_SUB, true ) || ! Settings::is_configured() ) {
			return $redirect_to;
		}
		$back = wp_validate_redirect( $redirect_to, home_url( '/' ) );
		$back = 0 === strpos( $back, '/' ) ? home_url( $back ) : $back;
		return add_query_arg( 'return_to', rawurlencode( $back ), Bridge_Client::base_url() . '/sign-out' );
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
