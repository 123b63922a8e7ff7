<?php
/**
 * How a sign-in writes a user: under a per-account lock, in one transaction.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The lock two callbacks for one new Logto account meet at, and the transaction its rows are written in.
 */
final class Account_Writes {

	/**
	 * Locks this request holds: a request that dies holding one (a fatal error, exit) releases it
	 * at shutdown, so the visitor's retry is not told to wait for a dead request.
	 *
	 * @var array<string,true>
	 */
	private static $held = array();

	/**
	 * Whether a transaction of in_one_transaction() is open (rolled back at shutdown if so).
	 *
	 * @var bool
	 */
	private static $open = false;

	/**
	 * Runs `$work` in one database transaction: a new user is about 20 rows (the user, WordPress's
	 * default meta, ours), and one commit is one disk flush where autocommit made one per row; a
	 * failure part-way (an error or an exception) rolls every row back, so no half-made user stays.
	 * Committed before the caller releases its lock, so the next holder finds the user.
	 *
	 * @param callable $work Returns a user or a WP_Error.
	 * @return \WP_User|\WP_Error
	 * @throws \Throwable What `$work` threw, after the rollback.
	 */
	public static function in_one_transaction( callable $work ) {
		global $wpdb;
		// Not on SQLite (WordPress Playground): its START TRANSACTION takes the whole database's
		// one write lock at once, which every other request then waits for, and it has no
		// per-row flush to save.
		if ( $wpdb instanceof \WP_SQLite_DB ) {
			return $work();
		}
		// phpcs:disable WordPress.DB.DirectDatabaseQuery -- transaction control, nothing to cache.
		$wpdb->query( 'START TRANSACTION' );
		self::$open = true;
		try {
			$result = $work();
		} catch ( \Throwable $e ) {
			$wpdb->query( 'ROLLBACK' );
			self::$open = false;
			throw $e;
		}
		if ( is_wp_error( $result ) ) {
			$wpdb->query( 'ROLLBACK' );
		} else {
			$wpdb->query( 'COMMIT' );
		}
		self::$open = false;
		// phpcs:enable
		return $result;
	}

	/**
	 * An atomic lock on the options table's unique key. Not add_option(): its INSERT ... ON
	 * DUPLICATE KEY UPDATE reports success to both racers on MySQL when the values differ.
	 *
	 * @param string $name Lock name.
	 * @return bool Whether this request holds the lock.
	 */
	public static function acquire( $name ) {
		global $wpdb;
		$taken = self::insert_lock( $name );
		if ( ! $taken ) {
			// A lock older than 30 s belongs to a request that died: take it over.
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a lock, never cached.
			$stale = (int) $wpdb->query(
				$wpdb->prepare(
					"DELETE FROM {$wpdb->options} WHERE option_name = %s AND option_value < %d",
					$name,
					time() - 30
				)
			);
			$taken = $stale > 0 && self::insert_lock( $name );
		}
		if ( $taken ) {
			if ( ! self::$held ) {
				register_shutdown_function( array( self::class, 'abandon' ) );
			}
			self::$held[ $name ] = true;
		}
		return $taken;
	}

	/**
	 * One atomic attempt at the lock's row.
	 *
	 * @param string $name Lock name.
	 * @return bool Whether this request inserted it.
	 */
	private static function insert_lock( $name ) {
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a lock, never cached.
		return 1 === (int) $wpdb->query(
			$wpdb->prepare(
				"INSERT IGNORE INTO {$wpdb->options} (option_name, option_value, autoload) VALUES (%s, %d, 'no')",
				$name,
				time()
			)
		);
	}

	/**
	 * Releases a lock taken with acquire().
	 *
	 * @param string $name Lock name.
	 */
	public static function release( $name ) {
		global $wpdb;
		unset( self::$held[ $name ] );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->delete( $wpdb->options, array( 'option_name' => $name ) );
	}

	/**
	 * At shutdown, what a request that died part-way left: its transaction rolled back first (or
	 * the lock's release would be inside it, and undone with it), then its locks released.
	 */
	public static function abandon() {
		global $wpdb;
		if ( self::$open ) {
			// phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->query( 'ROLLBACK' );
			self::$open = false;
		}
		foreach ( array_keys( self::$held ) as $name ) {
			self::release( $name );
		}
	}
}
