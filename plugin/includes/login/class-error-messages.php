<?php
/**
 * What wp-login.php says for each `?logto_error=<code>`.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One translated message per code of fixtures/error-codes.json (a PHP test keeps the keys equal).
 */
final class Error_Messages {

	/**
	 * Every code and its message.
	 *
	 * @return array<string,string>
	 */
	public static function all() {
		$expired     = __( 'This sign-in link has expired or was already used. Please try again.', 'logto-bridge' );
		$generic     = __( 'Logto could not complete the sign-in. Please try again.', 'logto-bridge' );
		$not_set_up  = __(
			'Sign-in with Logto is not set up correctly. Please contact the site administrator.',
			'logto-bridge'
		);
		$cannot_link = __(
			'An account with that email address or phone number already exists and cannot be linked automatically. Please contact the site administrator.',
			'logto-bridge'
		);
		return array(
			'cancelled'           => __( 'Sign-in with Logto was cancelled.', 'logto-bridge' ),
			'state_mismatch'      => $expired,
			'issuer_mismatch'     => $generic,
			'invalid_token'       => $generic,
			'idp_error'           => $generic,
			'idp_unreachable'     => __(
				'Logto is unreachable right now. Please try again in a moment.',
				'logto-bridge'
			),
			'invalid_phone'       => __(
				'Enter a valid phone number with its country code, for example +1 201 555 0123.',
				'logto-bridge'
			),
			'invalid_return_to'   => __(
				'The page to return to after sign-in is not part of this site.',
				'logto-bridge'
			),
			'misconfigured'       => $not_set_up,
			'site_unreachable'    => $not_set_up,
			'phone_mismatch'      => __(
				'The phone number verified at Logto is not the number you typed, so you were not signed in.',
				'logto-bridge'
			),
			'browser_mismatch'    => __(
				'This sign-in was not started in this browser, so it was refused. Please start again here.',
				'logto-bridge'
			),
			'ticket_gone'         => $expired,
			'bridge_unreachable'  => __( 'Sign-in with Logto is unavailable right now.', 'logto-bridge' ),
			'not_configured'      => $not_set_up,
			'link_email_sent'     => __(
				'An account with your email address or phone number already exists here. Check your inbox to link your existing account: we sent it a link that works once, for 30 minutes.',
				'logto-bridge'
			),
			'link_unconfirmable'  => __(
				'An account with your phone number already exists here, but it has no email address to confirm the link with. Please contact the site administrator.',
				'logto-bridge'
			),
			'link_password_wrong' => __(
				'That is not the password of the existing account, so nothing was linked. Use the link we emailed to the account, or sign in again to try once more.',
				'logto-bridge'
			),
			'link_mail_wait'      => __(
				'We already emailed your existing account three links in the last hour. Use the newest one, or try again in an hour.',
				'logto-bridge'
			),
			'link_email_changed'  => __(
				'The email address of the existing account changed after the link was sent, so the link no longer works. Sign in again to get a new one.',
				'logto-bridge'
			),
			'no_account'          => __(
				'There is no account on this site for that Logto user, and new accounts are not created automatically.',
				'logto-bridge'
			),
			'already_linked'      => $cannot_link,
			'admin_link_refused'  => $cannot_link,
			'busy'                => __(
				'Another sign-in for this account is in progress. Please try again.',
				'logto-bridge'
			),
			'account_error'       => $generic,
			'password_disabled'   => __(
				'Password sign-in is turned off on this site. Please sign in with Logto.',
				'logto-bridge'
			),
		);
	}

	/**
	 * The message for a code; an unknown code gets the general one.
	 *
	 * @param string $code Error code.
	 * @return string
	 */
	public static function get( $code ) {
		$all = self::all();
		return $all[ $code ] ?? $all['idp_error'];
	}
}
