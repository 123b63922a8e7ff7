<?php
/**
 * Sending a visitor back to wp-login.php with an error, and the detail kept for its message.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `?logto_error=<code>` (its message is Error_Messages') and `&logto_notice=<key>`, a detail
 * kept server-side so no personal data travels in a URL.
 */
final class Login_Errors {

	const NOTICE_PREFIX = 'logto_bridge_notice_';

	/**
	 * The query parameter of a notice's key (WordPress's own: the bridge never sends it).
	 */
	const NOTICE = 'logto_notice';

	/**
	 * Back to wp-login.php with an error code, and a detail for its message.
	 *
	 * @param string $code   A code of fixtures/error-codes.json.
	 * @param string $detail What the message should also say, e.g. the number verified at Logto.
	 */
	public static function fail( $code, $detail = '' ) {
		Activity_Log::record( Activity_Log::STEP_WP, $code );
		$args = array( Bridge_Client::QUERY['wpLogin']['error'] => rawurlencode( $code ) );
		if ( '' !== $detail ) {
			$key = strtolower( wp_generate_password( 24, false, false ) );
			set_transient( self::NOTICE_PREFIX . $key, $detail, 10 * MINUTE_IN_SECONDS );
			$args[ self::NOTICE ] = $key;
		}
		wp_safe_redirect( add_query_arg( $args, wp_login_url() ) );
		exit;
	}

	/**
	 * The detail fail() kept for a `logto_notice` key.
	 *
	 * @param string $key Key from the query.
	 * @return string
	 */
	public static function notice( $key ) {
		$detail = '' === $key ? false : get_transient( self::NOTICE_PREFIX . $key );
		return is_string( $detail ) ? $detail : '';
	}
}
