<?php
/**
 * Refuses a signed message whose nonce was seen before.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Seen nonces as rows of the options table, inserted atomically (INSERT IGNORE on its unique
 * key), so two requests replaying one signature cannot both pass, whatever the object cache.
 */
final class Replay_Guard {

	const PREFIX = 'logto_bridge_nonce_';

	/**
	 * Whether this is the first use of a nonce within twice the signature window.
	 *
	 * @param string $nonce Nonce from a verified signature.
	 * @return bool
	 */
	public static function first_use( $nonce ) {
		global $wpdb;
		$now = time();
		// Forget nonces older than any signature that could still verify; a plain prefix, since
		// not every database WordPress runs on honours LIKE's escapes (the underscores match themselves).
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a replay guard, never cached.
		$wpdb->query(
			$wpdb->prepare(
				"DELETE FROM {$wpdb->options} WHERE option_name LIKE %s AND option_value < %d",
				self::PREFIX . '%',
				$now - 2 * Signature::MAX_SKEW
			)
		);
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		return 1 === (int) $wpdb->query(
			$wpdb->prepare(
				"INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %d, 'no')",
				self::PREFIX . md5( $nonce ),
				$now
			)
		);
	}
}
