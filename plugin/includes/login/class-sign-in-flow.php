<?php
/**
 * The sign-in flow on wp-login.php: hand the visitor to the bridge, then redeem the ticket.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `wp-login.php?action=logto-sign-in` and `?action=logto-callback`, through `login_form_{action}`.
 */
final class Sign_In_Flow {

	const ACTION_START    = 'logto-sign-in';
	const ACTION_CALLBACK = 'logto-callback';

	/**
	 * A ticket as the bridge makes it: 32 random bytes, base64url (fixtures/token-format.json).
	 */
	const TICKET_PATTERN = '/^[A-Za-z0-9_-]{43}$/';

	/**
	 * The cookie that binds a sign-in to the browser that started it (login CSRF): its SHA-256
	 * goes to the bridge, comes back with the ticket, and must match.
	 */
	const BINDING_COOKIE = 'logto_bridge_binding';

	/**
	 * Seconds a sign-in may take at Logto; the bridge keeps its pending sign-in as long
	 * (fixtures/sign-in-lifetime.json).
	 */
	const LIFETIME = 900;

	/**
	 * Where the bridge sends a ticket: this site's login URL, however it is filtered.
	 *
	 * @return string
	 */
	public static function callback_url() {
		return add_query_arg( 'action', self::ACTION_CALLBACK, wp_login_url() );
	}

	/**
	 * Sets a fresh random binding cookie on this site's origin and returns its SHA-256 for the bridge.
	 *
	 * @return string
	 */
	private static function bind_browser() {
		$value = bin2hex( random_bytes( 32 ) );
		setcookie( self::BINDING_COOKIE, $value, self::cookie_options( time() + self::LIFETIME ) );
		return hash( 'sha256', $value );
	}

	/**
	 * Whether this browser holds the cookie whose hash the bridge returned with the ticket.
	 *
	 * @param string $binding SHA-256 (hex) the bridge kept with the sign-in.
	 * @return bool
	 */
	private static function same_browser( $binding ) {
		$cookie = isset( $_COOKIE[ self::BINDING_COOKIE ] )
			? sanitize_text_field( wp_unslash( $_COOKIE[ self::BINDING_COOKIE ] ) )
			: '';
		return '' !== $cookie && '' !== $binding && hash_equals( $binding, hash( 'sha256', $cookie ) );
	}

	/**
	 * Clears the binding cookie once its sign-in has ended, whichever way.
	 */
	private static function unbind_browser() {
		setcookie( self::BINDING_COOKIE, '', self::cookie_options( time() - YEAR_IN_SECONDS ) );
	}

	/**
	 * This request's HTTP method (GET when unknown), for the wp-login.php actions that answer a
	 * GET with a page and act only on its POST.
	 *
	 * @return string
	 */
	public static function method() {
		return isset( $_SERVER['REQUEST_METHOD'] )
			? strtoupper( sanitize_key( wp_unslash( $_SERVER['REQUEST_METHOD'] ) ) )
			: 'GET';
	}

	/**
	 * HttpOnly, SameSite=Lax (it must come back on the top-level redirect from the bridge), Secure over https;
	 * for every cookie of a sign-in in progress.
	 *
	 * @param int $expires Unix time.
	 * @return array<string,mixed>
	 */
	public static function cookie_options( $expires ) {
		return array(
			'expires'  => $expires,
			'path'     => COOKIEPATH,
			'domain'   => COOKIE_DOMAIN,
			'secure'   => is_ssl(),
			'httponly' => true,
			'samesite' => 'Lax',
		);
	}

	/**
	 * Where to go after sign-in: the validated redirect_to, else the setting, else the dashboard.
	 *
	 * @param string $requested Requested URL (may be empty).
	 * @return string Absolute URL on this site.
	 */
	public static function return_to( $requested ) {
		$fallback = (string) Settings::get()['redirect_after'];
		$fallback = '' === $fallback
			? admin_url()
			: ( 0 === strpos( $fallback, '/' ) ? home_url( $fallback ) : $fallback );
		// wp_validate_redirect() returns an empty location as is.
		$target = '' === trim( (string) $requested ) ? $fallback : wp_validate_redirect( $requested, $fallback );
		return 0 === strpos( $target, '/' ) ? home_url( $target ) : $target;
	}

	/**
	 * `wp-login.php?action=logto-sign-in[&phone=][&redirect_to=]`: hands the visitor to the bridge.
	 */
	public static function start() {
		if ( ! Settings::is_configured() ) {
			Login_Errors::fail( 'not_configured' );
		}
		// Starting a sign-in changes nothing here; the bridge guards the flow with state, nonce and PKCE.
		// phpcs:disable WordPress.Security.NonceVerification.Recommended
		$requested = isset( $_REQUEST['redirect_to'] ) && is_string( $_REQUEST['redirect_to'] )
			? esc_url_raw( wp_unslash( $_REQUEST['redirect_to'] ) )
			: '';
		$phone     = isset( $_REQUEST['phone'] ) && is_string( $_REQUEST['phone'] )
			? preg_replace( '/[^\d+]/', '', sanitize_text_field( wp_unslash( $_REQUEST['phone'] ) ) )
			: '';
		// phpcs:enable
		// A dead bridge would leave the visitor on a browser error page; say it here instead.
		if ( ! Bridge_Health::is_up() ) {
			Login_Errors::fail( 'bridge_unreachable' );
		}
		$query = Bridge_Client::QUERY['signIn'];
		$args  = array(
			$query['binding']  => self::bind_browser(),
			$query['returnTo'] => rawurlencode( self::return_to( $requested ) ),
		);
		// "Use another number": Logto asks again instead of answering from a live session.
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only makes Logto ask again.
		if ( isset( $_REQUEST['fresh'] ) ) {
			$args[ $query['fresh'] ] = '1';
		}
		if ( '' !== $phone ) {
			if ( 0 !== strpos( $phone, '+' ) ) {
				Login_Errors::fail( 'invalid_phone' );
			}
			$args[ $query['phone'] ] = rawurlencode( $phone );
		}
		// phpcs:ignore WordPress.Security.SafeRedirect.wp_redirect_wp_redirect -- the admin-configured bridge.
		wp_redirect( add_query_arg( $args, Bridge_Client::url( 'signIn' ) ) );
		exit;
	}

	/**
	 * `wp-login.php?action=logto-callback&ticket=T` (or `&resume=K`): redeems the ticket
	 * server-side and signs in.
	 */
	public static function callback() {
		// The ticket (or resume key) is the single-use credential.
		// phpcs:disable WordPress.Security.NonceVerification.Recommended
		$name   = Bridge_Client::QUERY['wpLogin']['ticket'];
		$ticket = isset( $_GET[ $name ] ) ? sanitize_text_field( wp_unslash( $_GET[ $name ] ) ) : '';
		$name   = Bridge_Client::QUERY['wpLogin']['sealed'];
		$sealed = isset( $_GET[ $name ] ) ? sanitize_text_field( wp_unslash( $_GET[ $name ] ) ) : '';
		$resume = isset( $_GET['resume'] ) ? sanitize_key( wp_unslash( $_GET['resume'] ) ) : '';
		// phpcs:enable
		$redeemed = '' !== $resume ? Sign_In_Retry::take( $resume ) : self::redeem( $ticket, $sealed );
		if ( null === $redeemed ) {
			Login_Errors::fail( 'ticket_gone' );
		}
		// Only the browser that started this sign-in may finish it; the ticket is spent either way.
		if ( ! self::same_browser( (string) ( $redeemed['binding'] ?? '' ) ) ) {
			Login_Errors::fail( 'browser_mismatch' );
		}
		if ( isset( $redeemed['refused'] ) ) {
			self::unbind_browser();
			Login_Errors::fail( 'phone_mismatch', (string) ( $redeemed['verified_phone'] ?? '' ) );
		}
		// A new member's rows, and anyone's session, are added here: no reload of the user's meta after each.
		User_Meta_Cache::keep();
		$user = Users::resolve( $redeemed['claims'] );
		if ( is_wp_error( $user ) && 'busy' === $user->get_error_code() ) {
			// Another request is creating this user right now: come back in a moment (same browser, same binding).
			$again = Sign_In_Retry::park( $redeemed );
			if ( null !== $again ) {
				wp_safe_redirect( $again );
				exit;
			}
		}
		self::unbind_browser();
		if ( is_wp_error( $user ) && 'link_pending' === $user->get_error_code() ) {
			Account_Link::request(
				$user->get_error_data()['user'],
				$redeemed['claims'],
				(string) ( $redeemed['return_to'] ?? '' )
			);
		}
		if ( is_wp_error( $user ) ) {
			Login_Errors::fail( $user->get_error_code() );
		}
		Session::start( $user, isset( $redeemed['claims']['sid'] ) ? (string) $redeemed['claims']['sid'] : '' );
		wp_safe_redirect( self::return_to( (string) ( $redeemed['return_to'] ?? '' ) ) );
		exit;
	}

	/**
	 * The bridge's redeemed sign-in for a ticket; fails the request when it cannot have one.
	 *
	 * @param string $ticket The stored ticket from the query.
	 * @param string $sealed The sealed one sent with it, if any.
	 * @return array<string,mixed>|null Null when the ticket is malformed, spent or not this bridge's.
	 */
	private static function redeem( $ticket, $sealed ) {
		if ( '' !== $sealed && Ticket_Seal::available() ) {
			// Sealed: opened here and spent once (the stored twin with it), no call to the bridge.
			$redeemed = Ticket_Seal::redeem( $sealed );
			if ( null !== $redeemed ) {
				return array( 'attempts' => 0 ) + $redeemed;
			}
			// Not taken (its exp already past on a clock ahead of the bridge's, or changed, or spent):
			// the stored twin below, which the bridge's own clock times and which spends the same
			// key first, so a spent pair stays spent.
		}
		if ( ! preg_match( self::TICKET_PATTERN, $ticket ) ) {
			return null;
		}
		// The pair is spent here too: its sealed twin cannot be used after this one.
		if ( ! Ticket_Seal::spend( Ticket_Seal::spent_key( $ticket ) ) ) {
			return null;
		}
		$redeemed = Bridge_Client::redeem( $ticket );
		if ( is_wp_error( $redeemed ) ) {
			$code = $redeemed->get_error_code();
			Login_Errors::fail(
				in_array( $code, array( 'bridge_unreachable', 'ticket_gone' ), true ) ? $code : 'idp_error'
			);
		}
		$redeemed['attempts'] = 0;
		return $redeemed;
	}
}
