<?php
/**
 * Confirming a link by typing the existing account's WordPress password, once.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Where the admin allows it (and only while the password form is on), the visitor whose Logto
 * identity matches an existing account may prove it is theirs with that account's password
 * instead of the mailed link. One attempt per sign-in: a wrong password spends the offer, so
 * every further guess costs a full Logto sign-in (and `wp_login_failed` tells limiters).
 */
final class Link_Password {

	const ACTION = 'logto-link-password';
	// "<user ID>.<40 random chars>"; only its SHA-256 is kept in the link request.
	const COOKIE = 'logto_bridge_link';

	/**
	 * Whether a match may be confirmed by password: the admin's choice, and passwords still
	 * sign in here (with the password form off they prove nothing on this site).
	 *
	 * @return bool
	 */
	public static function available() {
		$s = Settings::get();
		return (bool) $s['link_confirm_password'] && (bool) $s['allow_password'];
	}

	/**
	 * Gives this browser the form's key and returns what the link request keeps of it.
	 *
	 * @param \WP_User            $user    The existing account.
	 * @param array<string,mixed> $request The link request being made.
	 * @return array{form: string}
	 */
	public static function offer( \WP_User $user, array $request ) {
		$key = wp_generate_password( 40, false, false );
		setcookie( self::COOKIE, $user->ID . '.' . $key, Sign_In_Flow::cookie_options( (int) $request['expires'] ) );
		return array( 'form' => hash( 'sha256', $key ) );
	}

	/**
	 * Sends the visitor to the password page.
	 */
	public static function redirect() {
		wp_safe_redirect( add_query_arg( 'action', self::ACTION, wp_login_url() ) );
		exit;
	}

	/**
	 * `wp-login.php?action=logto-link-password`: the form (GET) and its check (POST).
	 */
	public static function handle() {
		list( $user, $raw, $request ) = self::pending();
		if ( 'POST' === Sign_In_Flow::method() ) {
			self::check( $user, $raw, $request );
		}
		self::render( $request );
	}

	/**
	 * The account and link request this browser's cookie opens; fails the request otherwise.
	 *
	 * @return array{0: \WP_User, 1: string, 2: array<string,mixed>} The account, its stored request row and
	 *                                                                 that request.
	 */
	private static function pending() {
		$cookie            = isset( $_COOKIE[ self::COOKIE ] )
			? sanitize_text_field( wp_unslash( $_COOKIE[ self::COOKIE ] ) )
			: '';
		$parts             = explode( '.', $cookie, 2 );
		$user              = 2 === count( $parts ) && absint( $parts[0] ) ? get_userdata( absint( $parts[0] ) ) : false;
		list( $raw, $req ) = $user ? Link_Request_Store::read( $user->ID ) : array( null, null );
		if ( ! $user
			|| ! $req
			|| ! isset( $req['form'] )
			|| ! hash_equals( (string) $req['form'], hash( 'sha256', $parts[1] ) )
			|| (int) $req['expires'] < time()
			|| ! self::available()
		) {
			self::forget();
			Login_Errors::fail( 'ticket_gone' );
		}
		return array( $user, (string) $raw, $req );
	}

	/**
	 * Checks the typed password. The offer is taken first, atomically: of parallel attempts
	 * exactly one is checked, the others find it spent.
	 *
	 * @param \WP_User            $user    The existing account.
	 * @param string              $raw     Its link request row, as read.
	 * @param array<string,mixed> $request That link request.
	 */
	private static function check( \WP_User $user, $raw, array $request ) {
		$nonce = isset( $_POST['_wpnonce'] ) ? sanitize_text_field( wp_unslash( $_POST['_wpnonce'] ) ) : '';
		if ( ! wp_verify_nonce( $nonce, self::ACTION ) ) {
			self::forget();
			Login_Errors::fail( 'ticket_gone' );
		}
		// Not sanitized: a password is compared as typed, like wp-login.php does.
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
		$password = isset( $_POST['pwd'] ) && is_string( $_POST['pwd'] ) ? wp_unslash( $_POST['pwd'] ) : '';
		self::forget();
		// Action: an attempt is about to take the offer (tests hold one here to race another).
		do_action( 'logto_bridge_link_password_attempt', $user );
		unset( $request['form'] );
		// Taken: the mailed link, if any, still works; the password offer is spent.
		if ( ! Link_Request_Store::swap( $user->ID, $raw, $request ) ) {
			Login_Errors::fail( 'ticket_gone' );
		}
		// Through `authenticate`, so lockout plugins count (and may refuse) this attempt, and
		// WordPress fires `wp_login_failed` for a wrong password.
		$checked = wp_authenticate( $user->user_login, $password );
		if ( ! $checked instanceof \WP_User || $checked->ID !== $user->ID ) {
			if ( '' === $password ) {
				// WordPress fires nothing for an empty password; here it spent the offer all the same.
				// Core's action, so login limiters count the attempt.
				// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
				do_action( 'wp_login_failed', $user->user_login, $checked );
			}
			Login_Errors::fail( 'link_password_wrong' );
		}
		delete_user_meta( $user->ID, Account_Link::META );
		Account_Link::finish( $user, $request );
	}

	/**
	 * The page: what matched, where the mail went, and one password field.
	 *
	 * @param array<string,mixed> $request The link request.
	 */
	private static function render( array $request ) {
		$intro = ! empty( $request['mailed'] )
			? __(
				'An account with your email address or phone number already exists here. We emailed it a link that links it to your Logto account. If it is your account, you can instead type its password here, once.',
				'logto-bridge'
			)
			: __(
				'An account with your phone number already exists here. If it is your account, type its password here, once, to link it to your Logto account.',
				'logto-bridge'
			);
		login_header(
			__( 'Link your existing account', 'logto-bridge' ),
			'<p class="message">' . esc_html( $intro ) . '</p>'
		);
		?>
		<form name="logto-link-password" id="logto-link-password" method="post"
			action="<?php echo esc_url( add_query_arg( 'action', self::ACTION, wp_login_url() ) ); ?>">
			<p>
				<label for="logto-link-pwd"><?php esc_html_e( 'Password of the existing account', 'logto-bridge' ); ?>
				</label>
				<input type="password" name="pwd" id="logto-link-pwd" class="input password-input"
					autocomplete="current-password" required />
			</p>
			<?php wp_nonce_field( self::ACTION ); ?>
			<p class="submit">
				<input type="submit" class="button button-primary button-large"
					value="<?php esc_attr_e( 'Link and sign in', 'logto-bridge' ); ?>" />
			</p>
		</form>
		<?php
		login_footer( 'logto-link-pwd' );
		exit;
	}

	/**
	 * Clears the form's cookie.
	 */
	private static function forget() {
		setcookie( self::COOKIE, '', Sign_In_Flow::cookie_options( time() - YEAR_IN_SECONDS ) );
	}
}
