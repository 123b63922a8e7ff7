<?php
/**
 * Keeps a user's meta cache filled while a sign-in adds rows to it.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Core empties a user's meta cache after each row it adds, and the next add reads every row of
 * the user again (add_metadata() builds a WP_User, which reads the capabilities): a new member's
 * 17 rows (core's defaults, the role, ours, the session) cost 17 such reads in the visitor's
 * wait. While kept, a row just added is appended to the cache as that read would have found it,
 * and the cache is left empty, as core leaves it, whenever that cannot be known.
 */
final class User_Meta_Cache {

	/**
	 * Each user's cache as it was just before a row was added.
	 *
	 * @var array<int,mixed>
	 */
	private static $before = array();

	/**
	 * Keeps the cache filled for the rest of this request (the sign-in's callback, which ends
	 * with a redirect).
	 */
	public static function keep() {
		// Last before the insert and first after it, so no other callback sees the gap.
		add_action( 'add_user_meta', array( self::class, 'before_add' ), PHP_INT_MAX );
		add_action( 'added_user_meta', array( self::class, 'after_add' ), PHP_INT_MIN, 4 );
	}

	/**
	 * `add_user_meta`: the cache before the row goes in.
	 *
	 * @param int $user_id User ID.
	 */
	public static function before_add( $user_id ) {
		self::$before[ (int) $user_id ] = wp_cache_get( (int) $user_id, 'user_meta' );
	}

	/**
	 * `added_user_meta`: the cache before, with the new row last (rows are read in ID order).
	 *
	 * @param int    $meta_id New row's ID.
	 * @param int    $user_id User ID.
	 * @param string $key     Meta key.
	 * @param mixed  $value   Value as given (unserialized).
	 */
	public static function after_add( $meta_id, $user_id, $key, $value ) {
		$user_id = (int) $user_id;
		$cache   = self::$before[ $user_id ] ?? false;
		unset( self::$before[ $user_id ] );
		$stored = self::as_stored( $value );
		// Only onto a cache that was whole, and that nothing has filled again since.
		if ( ! is_array( $cache ) || null === $stored || false !== wp_cache_get( $user_id, 'user_meta' ) ) {
			return;
		}
		$cache[ $key ][] = $stored;
		wp_cache_set( $user_id, $cache, 'user_meta' );
	}

	/**
	 * A value as the database gives it back: a string, serialized when it is not a scalar. Null
	 * when unsure (NULL, text that is not UTF-8), so the cache stays empty and core reads the row.
	 *
	 * @param mixed $value Value.
	 * @return string|null
	 */
	public static function as_stored( $value ) {
		$stored = maybe_serialize( $value );
		if ( is_bool( $stored ) ) {
			return $stored ? '1' : '';
		}
		if ( ! is_scalar( $stored ) ) {
			return null;
		}
		$stored = (string) $stored;
		return wp_check_invalid_utf8( $stored ) === $stored ? $stored : null;
	}
}
