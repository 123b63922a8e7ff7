<?php
/**
 * The "busy, come back" retry of a callback whose new user another request is creating.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Parks a redeemed sign-in under a random key and resumes it in a fresh request a quarter of a
 * second later (the resuming request waits 250 ms once, before it retries), so no PHP worker
 * waits out the whole creation that the other request (holding the create-user lock) runs.
 */
final class Sign_In_Retry {

	const MAX_ATTEMPTS = 20;
	const PREFIX       = 'logto_bridge_pending_';

	/**
	 * Where to come back to, or null when the retries ran out.
	 *
	 * @param array<string,mixed> $redeemed The redeemed sign-in (claims, return_to, attempts).
	 * @return string|null
	 */
	public static function park( array $redeemed ) {
		$attempts = (int) ( $redeemed['attempts'] ?? 0 );
		if ( $attempts >= self::MAX_ATTEMPTS ) {
			return null;
		}
		$key                  = strtolower( wp_generate_password( 32, false, false ) );
		$redeemed['attempts'] = $attempts + 1;
		set_transient( self::PREFIX . $key, $redeemed, 60 );
		return add_query_arg( 'resume', $key, Sign_In_Flow::callback_url() );
	}

	/**
	 * The parked sign-in, once. Only a key that exists waits a moment, to let the other request
	 * finish creating the user; any other value is refused at once.
	 *
	 * @param string $key Resume key.
	 * @return array<string,mixed>|null
	 */
	public static function take( $key ) {
		$pending = get_transient( self::PREFIX . $key );
		if ( ! is_array( $pending ) || ! isset( $pending['claims']['sub'] ) ) {
			return null;
		}
		delete_transient( self::PREFIX . $key );
		usleep( 250000 );
		return $pending;
	}
}
