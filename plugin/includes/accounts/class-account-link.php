<?php
/**
 * Linking a new Logto identity to an existing WordPress account, with proof from that account.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Real Logto sets `email_verified = Boolean(primaryEmail)` and `phone_number_verified =
 * Boolean(primaryPhone)`: "present", not "verified" (an admin can set any email in Logto
 * Console). So a matching email or phone never links by itself: WordPress mails a one-time
 * link to the existing account's own address, and only its click links and signs in.
 */
final class Account_Link {

	const ACTION  = 'logto-link';
	const META    = 'logto_link_request';
	const TTL     = 30 * MINUTE_IN_SECONDS;
	const PATTERN = '/^[A-Za-z0-9]{40}$/';
	// When the last link mails went out: at most three an hour per account.
	const MAILS_META     = 'logto_link_mails';
	const MAILS_PER_HOUR = 3;

	/**
	 * Mails the confirmation link for linking `$user` to the Logto identity in `$claims`, then
	 * tells the visitor to check that inbox. A new request replaces an earlier one.
	 *
	 * @param \WP_User            $user      The existing account.
	 * @param array<string,mixed> $claims    Verified claims of the new Logto identity.
	 * @param string              $return_to Where to go after the click.
	 */
	public static function request( \WP_User $user, array $claims, $return_to ) {
		$mail     = '' !== (string) $user->user_email;
		$password = Link_Password::available();
		if ( ! $mail && ! $password ) {
			Login_Errors::fail( 'link_unconfirmable' );
		}
		$sent = $mail ? self::recent_mails( $user->ID ) : array();
		if ( count( $sent ) >= self::MAILS_PER_HOUR ) {
			// No mail bombing a member by signing in again and again; the pending link stays.
			Login_Errors::fail( 'link_mail_wait' );
		}
		$token   = wp_generate_password( 40, false, false );
		$request = array(
			'hash'      => hash( 'sha256', $token ),
			'sid'       => (string) ( $claims['sid'] ?? '' ),
			// What confirming links to and applies as a sign-in would: sub, profile, phone and roles.
			'claims'    => array_intersect_key(
				$claims,
				array_flip(
					array(
						'sub',
						'name',
						'username',
						'given_name',
						'family_name',
						'email',
						'email_verified',
						'phone_number',
						'phone_number_verified',
						'roles',
					)
				)
			),
			'expires'   => time() + self::TTL,
			'return_to' => $return_to,
			'mailed'    => $mail,
			// A link works only while the account's address is still the one it was mailed to.
			'mailed_to' => (string) $user->user_email,
		);
		$form = $password ? Link_Password::offer( $user, $request ) : array();
		update_user_meta( $user->ID, self::META, $request + $form );
		if ( $mail ) {
			$sent[] = time();
			update_user_meta( $user->ID, self::MAILS_META, $sent );
			self::mail( $user, $token );
		}
		if ( $password ) {
			Link_Password::redirect();
		}
		Login_Errors::fail( 'link_email_sent' );
	}

	/**
	 * Mails the one-time link to the account's own address.
	 *
	 * @param \WP_User $user  The existing account.
	 * @param string   $token The link's token.
	 */
	private static function mail( \WP_User $user, $token ) {
		$url  = add_query_arg(
			array(
				'action' => self::ACTION,
				'user'   => $user->ID,
				'token'  => $token,
			),
			wp_login_url()
		);
		$site = wp_specialchars_decode( get_bloginfo( 'name' ), ENT_QUOTES );
		/* translators: %s: site name. */
		$subject = sprintf( __( '[%s] Confirm signing in with Logto', 'logto-bridge' ), $site );
		$message = sprintf(
			/* translators: 1: site name, 2: the username, 3: the confirmation link. */
			__(
				"Someone signed in to %1\$s with a Logto account whose email address or phone number matches your account %2\$s.\n\nIf that was you, open this link within 30 minutes to link the two and sign in:\n%3\$s\n\nIf it was not you, ignore this email: nothing changes.",
				'logto-bridge'
			),
			$site,
			$user->user_login,
			$url
		);
		wp_mail( $user->user_email, $subject, $message );
	}

	/**
	 * `wp-login.php?action=logto-link&user=&token=`: the click from the email. A GET only asks
	 * (mail scanners open every link in a message); the POST of that page, with its nonce,
	 * links and signs in. Single use, 30 minutes, and only while the account's address is the
	 * one the link was mailed to.
	 */
	public static function confirm() {
		// The mailed token is the single-use credential; the POST's nonce is checked below.
		// phpcs:disable WordPress.Security.NonceVerification
		$user_id = isset( $_REQUEST['user'] ) ? absint( $_REQUEST['user'] ) : 0;
		$token   = isset( $_REQUEST['token'] ) ? sanitize_text_field( wp_unslash( $_REQUEST['token'] ) ) : '';
		// phpcs:enable
		$user                  = $user_id ? get_userdata( $user_id ) : false;
		list( $raw, $request ) = $user ? Link_Request_Store::read( $user->ID ) : array( null, null );
		// A wrong token changes nothing: whoever knows a user ID cannot cancel that user's link.
		if ( ! $user
			|| ! $request
			|| ! isset( $request['hash'] )
			|| ! preg_match( self::PATTERN, $token )
			|| ! hash_equals( (string) $request['hash'], hash( 'sha256', $token ) )
			|| (int) $request['expires'] < time()
		) {
			Login_Errors::fail( 'ticket_gone' );
		}
		if ( 'POST' !== Sign_In_Flow::method() ) {
			self::render( $user, $token );
		}
		$nonce = isset( $_POST['_wpnonce'] ) ? sanitize_text_field( wp_unslash( $_POST['_wpnonce'] ) ) : '';
		if ( ! wp_verify_nonce( $nonce, self::ACTION . '-' . $user->ID ) ) {
			Login_Errors::fail( 'ticket_gone' );
		}
		// Spent whatever happens next, by exactly one request: a link works once.
		if ( ! Link_Request_Store::swap( $user->ID, $raw, null ) ) {
			Login_Errors::fail( 'ticket_gone' );
		}
		if ( ! hash_equals( (string) ( $request['mailed_to'] ?? '' ), (string) $user->user_email ) ) {
			Login_Errors::fail( 'link_email_changed' );
		}
		self::finish( $user, $request );
	}

	/**
	 * The page a GET of the mailed link shows: which account, and one button that POSTs.
	 *
	 * @param \WP_User $user  The existing account.
	 * @param string   $token The link's token.
	 */
	private static function render( \WP_User $user, $token ) {
		$question = sprintf(
			/* translators: %s: the account's email address, partly hidden (j***@example.com). */
			__( 'Link the account %s to the Logto sign-in that asked for it, and sign in?', 'logto-bridge' ),
			self::mask( (string) $user->user_email )
		);
		$not_you = __( 'If you did not just sign in with Logto, close this page: nothing changes.', 'logto-bridge' );
		login_header(
			__( 'Link your existing account', 'logto-bridge' ),
			'<p class="message">' . esc_html( $question ) . '</p>'
		);
		?>
		<form name="logto-link" id="logto-link" method="post"
			action="<?php echo esc_url( add_query_arg( 'action', self::ACTION, wp_login_url() ) ); ?>">
			<input type="hidden" name="user" value="<?php echo esc_attr( (string) $user->ID ); ?>" />
			<input type="hidden" name="token" value="<?php echo esc_attr( $token ); ?>" />
			<?php wp_nonce_field( self::ACTION . '-' . $user->ID ); ?>
			<p><?php echo esc_html( $not_you ); ?></p>
			<p class="submit">
				<input type="submit" class="button button-primary button-large"
					value="<?php esc_attr_e( 'Link and sign in', 'logto-bridge' ); ?>" />
			</p>
		</form>
		<?php
		login_footer();
		exit;
	}

	/**
	 * An email address with most of its local part hidden.
	 *
	 * @param string $email Address.
	 * @return string
	 */
	private static function mask( $email ) {
		$at = strpos( $email, '@' );
		return false === $at ? '***' : substr( $email, 0, 1 ) . '***' . substr( $email, $at );
	}

	/**
	 * When the last link mails to this account went out, within the hour.
	 *
	 * @param int $user_id User ID.
	 * @return int[]
	 */
	private static function recent_mails( $user_id ) {
		$since = time() - HOUR_IN_SECONDS;
		$sent  = get_user_meta( $user_id, self::MAILS_META, true );
		return array_values(
			array_filter(
				array_map( 'intval', is_array( $sent ) ? $sent : array() ),
				static function ( $at ) use ( $since ) {
					return $at > $since;
				}
			)
		);
	}

	/**
	 * Links the account to the requested Logto identity and signs in; the request is spent.
	 *
	 * @param \WP_User            $user    The existing account.
	 * @param array<string,mixed> $request Its link request.
	 */
	public static function finish( \WP_User $user, array $request ) {
		$claims = (array) $request['claims'];
		$sub    = (string) $claims['sub'];
		$linked = Users::find_by_sub( $sub );
		$own    = Users::sub_of( $user->ID );
		if ( ( $linked && $linked->ID !== $user->ID ) || ( '' !== $own && $own !== $sub ) ) {
			Login_Errors::fail( 'already_linked' );
		}
		update_user_meta( $user->ID, Users::META_SUB, $sub );
		// The phone, profile and roles, as at any sign-in.
		Users::sync( $user, $claims );
		Session::start( $user, (string) ( $request['sid'] ?? '' ) );
		wp_safe_redirect( Sign_In_Flow::return_to( (string) $request['return_to'] ) );
		exit;
	}

	/**
	 * Cancels the link requests a Logto session made (all of the user's when no sid): once
	 * Logto has ended that session, nothing it asked for may still sign anyone in.
	 *
	 * @param string      $sub Logto subject.
	 * @param string|null $sid Logto session ID.
	 * @return int How many requests were cancelled.
	 */
	public static function cancel( $sub, $sid ) {
		$cancelled = 0;
		$ids       = get_users(
			array(
				// phpcs:ignore WordPress.DB.SlowDBQuery -- back-channel logouts only; few users have a pending request.
				'meta_key'     => self::META,
				'meta_compare' => 'EXISTS',
				'fields'       => 'ID',
			)
		);
		foreach ( $ids as $id ) {
			$request = get_user_meta( (int) $id, self::META, true );
			if ( ! is_array( $request )
				|| ! hash_equals( (string) ( $request['claims']['sub'] ?? '' ), (string) $sub )
			) {
				continue;
			}
			if ( null === $sid || hash_equals( (string) ( $request['sid'] ?? '' ), (string) $sid ) ) {
				delete_user_meta( (int) $id, self::META );
				++$cancelled;
			}
		}
		return $cancelled;
	}
}
