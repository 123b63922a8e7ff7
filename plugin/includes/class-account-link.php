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
			Sign_In_Flow::fail( 'link_unconfirmable' );
		}
		$token   = wp_generate_password( 40, false, false );
		$request = array(
			'hash'      => hash( 'sha256', $token ),
			'sid'       => (string) ( $claims['sid'] ?? '' ),
			// What confirming links to and applies as a sign-in would: sub, profile, phone and roles.
			'claims'    => array_intersect_key( $claims, array_flip( array( 'sub', 'name', 'username', 'given_name', 'family_name', 'email', 'email_verified', 'phone_number', 'phone_number_verified', 'roles' ) ) ),
			'expires'   => time() + self::TTL,
			'return_to' => $return_to,
			'mailed'    => $mail,
		);
		$form = $password ? Link_Password::offer( $user, $request ) : array();
		update_user_meta( $user->ID, self::META, $request + $form );
		if ( $mail ) {
			self::mail( $user, $token );
		}
		if ( $password ) {
			Link_Password::redirect();
		}
		Sign_In_Flow::fail( 'link_email_sent' );
	}

	/**
	 * Mails the one-time link to the account's own address.
	 *
	 * @param \WP_User $user  The existing account.
	 * @param string   $token The link's token.
	 */
	private static function mail( \WP_User $user, $token ) {
		$url = add_query_arg(
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
			__( "Someone signed in to %1\$s with a Logto account whose email address or phone number matches your account %2\$s.\n\nIf that was you, open this link within 30 minutes to link the two and sign in:\n%3\$s\n\nIf it was not you, ignore this email: nothing changes.", 'logto-bridge' ),
			$site,
			$user->user_login,
			$url
		);
		wp_mail( $user->user_email, $subject, $message );
	}

	/**
	 * `wp-login.php?action=logto-link&user=&token=`: the click from the email. Single use, 30
	 * minutes; links the account to the Logto identity and signs in.
	 */
	public static function confirm() {
		// phpcs:disable WordPress.Security.NonceVerification.Recommended -- the mailed token is the single-use credential.
		$user_id = isset( $_GET['user'] ) ? absint( $_GET['user'] ) : 0;
		$token   = isset( $_GET['token'] ) ? sanitize_text_field( wp_unslash( $_GET['token'] ) ) : '';
		// phpcs:enable
		$user    = $user_id ? get_userdata( $user_id ) : false;
		$request = $user ? get_user_meta( $user->ID, self::META, true ) : null;
		// A wrong token changes nothing: whoever knows a user ID cannot cancel that user's link.
		if ( ! $user || ! is_array( $request ) || ! preg_match( self::PATTERN, $token ) || ! hash_equals( (string) $request['hash'], hash( 'sha256', $token ) ) ) {
			Sign_In_Flow::fail( 'ticket_gone' );
		}
		// Spent whatever happens next: a link works once.
		delete_user_meta( $user->ID, self::META );
		if ( (int) $request['expires'] < time() ) {
			Sign_In_Flow::fail( 'ticket_gone' );
		}
		self::finish( $user, $request );
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
			Sign_In_Flow::fail( 'already_linked' );
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
				'meta_key'     => self::META, // phpcs:ignore WordPress.DB.SlowDBQuery -- back-channel logouts only; few users have a pending request.
				'meta_compare' => 'EXISTS',
				'fields'       => 'ID',
			)
		);
		foreach ( $ids as $id ) {
			$request = get_user_meta( (int) $id, self::META, true );
			if ( ! is_array( $request ) || ! hash_equals( (string) ( $request['claims']['sub'] ?? '' ), (string) $sub ) ) {
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
