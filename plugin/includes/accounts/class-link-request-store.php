<?php
/**
 * The pending account-link request of a user, taken atomically.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A link request is a one-time credential: two requests that read it at once must not both
 * use it. `swap()` changes the stored row only if it is still exactly what was read (a
 * compare-and-swap on the usermeta row), so of N parallel attempts one wins.
 */
final class Link_Request_Store {

	/**
	 * The stored row (as text, for swap()) and the request it holds.
	 *
	 * @param int $user_id User ID.
	 * @return array{0: string|null, 1: array<string,mixed>|null}
	 */
	public static function read( $user_id ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a one-time credential: never from a cache.
		$raw     = $wpdb->get_var(
			$wpdb->prepare(
				"SELECT meta_value FROM {$wpdb->usermeta} WHERE user_id = %d AND meta_key = %s ORDER BY umeta_id LIMIT 1",
				$user_id,
				Account_Link::META
			)
		);
		$request = null === $raw ? null : maybe_unserialize( $raw );
		return array( null === $raw ? null : (string) $raw, is_array( $request ) ? $request : null );
	}

	/**
	 * Replaces the row read as `$raw` with `$next` (null deletes it), unless another request
	 * changed or took it since.
	 *
	 * @param int                      $user_id User ID.
	 * @param string                   $raw     The row as read().
	 * @param array<string,mixed>|null $next    What it becomes, or null.
	 * @return bool Whether this request took it.
	 */
	public static function swap( $user_id, $raw, $next ) {
		global $wpdb;
		if ( null === $next ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$changed = $wpdb->query(
				$wpdb->prepare(
					"DELETE FROM {$wpdb->usermeta} WHERE user_id = %d AND meta_key = %s AND meta_value = %s",
					$user_id,
					Account_Link::META,
					$raw
				)
			);
		} else {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$changed = $wpdb->query(
				$wpdb->prepare(
					"UPDATE {$wpdb->usermeta} SET meta_value = %s WHERE user_id = %d AND meta_key = %s AND meta_value = %s",
					maybe_serialize( $next ),
					$user_id,
					Account_Link::META,
					$raw
				)
			);
		}
		wp_cache_delete( $user_id, 'user_meta' );
		return 1 === (int) $changed;
	}
}
