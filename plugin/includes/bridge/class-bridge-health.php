<?php
/**
 * Whether the bridge answers, known without making a visitor wait.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The bridge's /healthz, asked by WordPress before it sends a visitor there (a dead bridge gets
 * the site's own message instead of a browser error).
 */
final class Bridge_Health {

	const HEALTH_TRANSIENT = 'logto_bridge_health';

	/**
	 * How long an answer of the bridge's /healthz is taken as it is, in seconds.
	 */
	const HEALTH_TTL = 5;

	/**
	 * Whether the bridge answers, without a visitor waiting for it: an answer younger than 5 s is
	 * taken as it is; an older "up" is taken too, and the bridge asked again once this response has
	 * gone (php-fpm's fastcgi_finish_request); only with no answer yet, or an old "down", is it
	 * asked in-line (3 s at most, and a refused connection at once), so a bridge that died is
	 * reported to every visitor but the first after its death.
	 *
	 * @return bool
	 */
	public static function is_up() {
		$cached = get_transient( self::HEALTH_TRANSIENT );
		$known  = is_array( $cached ) && ( $cached['url'] ?? '' ) === Bridge_Client::base_url();
		if ( $known && time() - (int) ( $cached['at'] ?? 0 ) < self::HEALTH_TTL ) {
			return (bool) $cached['up'];
		}
		if ( $known && $cached['up'] ) {
			// Claimed now, so the requests of the next 5 s neither wait nor ask again.
			self::remember_health( true );
			add_action( 'shutdown', array( __CLASS__, 'check_health_after_response' ), PHP_INT_MAX );
			return true;
		}
		return self::check_health();
	}

	/**
	 * Asks the bridge once the visitor has their response (shutdown, last).
	 */
	public static function check_health_after_response() {
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		}
		self::check_health();
	}

	/**
	 * Asks the bridge's /healthz now and remembers the answer.
	 *
	 * @return bool
	 */
	private static function check_health() {
		$health = wp_remote_get( Bridge_Client::url( 'healthz' ), array( 'timeout' => 3 ) );
		$up     = ! is_wp_error( $health ) && 200 === (int) wp_remote_retrieve_response_code( $health );
		self::remember_health( $up );
		return $up;
	}

	/**
	 * Keeps the bridge's last answer (a day: an older one says nothing of today).
	 *
	 * @param bool $up Whether it answered.
	 */
	private static function remember_health( $up ) {
		set_transient(
			self::HEALTH_TRANSIENT,
			array(
				'url' => Bridge_Client::base_url(),
				'up'  => $up,
				'at'  => time(),
			),
			DAY_IN_SECONDS
		);
	}
}
