<?php
/**
 * The last sign-in failures, for Logto > Activity.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Why a sign-in failed, kept in a table of its own (the newest KEEP rows; fixtures/activity.json):
 * when, the step that refused it (the bridge's start or callback, or WordPress), the reason's
 * code, the bridge instance and the flow id its log lines carry. Never a phone number, a token
 * or a URL: the codes say why, the bridge's log says the rest under the same flow id.
 */
final class Activity_Log {

	const TABLE      = 'logto_bridge_activity';
	const DB_OPTION  = 'logto_bridge_activity_db';
	const DB_VERSION = 1;
	const KEEP       = 200;
	const MAX_EVENTS = 50;

	/**
	 * Steps of a failure: the bridge's (fixtures/activity.json) and WordPress's own.
	 */
	const BRIDGE_STEPS = array( 'sign-in', 'callback' );
	const STEP_WP      = 'wordpress';

	/**
	 * The table's name on this site.
	 *
	 * @return string
	 */
	public static function table() {
		global $wpdb;
		return $wpdb->prefix . self::TABLE;
	}

	/**
	 * Creates the table once per site (an autoloaded option says it exists, so this costs no query).
	 */
	public static function maybe_install() {
		if ( (int) get_option( self::DB_OPTION, 0 ) >= self::DB_VERSION ) {
			return;
		}
		global $wpdb;
		$table   = self::table();
		$charset = $wpdb->get_charset_collate();
		// The table name and collation are WordPress's own values, not input: nothing to prepare.
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query(
			"CREATE TABLE IF NOT EXISTS {$table} (
				id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				occurred_at bigint(20) unsigned NOT NULL,
				step varchar(20) NOT NULL,
				reason varchar(40) NOT NULL,
				instance varchar(64) NOT NULL DEFAULT '',
				flow varchar(12) NOT NULL DEFAULT '',
				PRIMARY KEY  (id)
			) {$charset}"
		);
		// phpcs:enable
		update_option( self::DB_OPTION, self::DB_VERSION, true );
	}

	/**
	 * Records one failure and forgets all but the newest KEEP.
	 *
	 * @param string $step     A step of BRIDGE_STEPS, or STEP_WP.
	 * @param string $reason   A code of fixtures/error-codes.json.
	 * @param string $instance The bridge instance that refused it.
	 * @param string $flow     The bridge's flow id.
	 * @param int    $at       When (Unix time); now when 0.
	 */
	public static function record( $step, $reason, $instance = '', $flow = '', $at = 0 ) {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- a log row, never cached.
		$inserted = $wpdb->insert(
			$table,
			array(
				'occurred_at' => $at > 0 ? $at : time(),
				'step'        => $step,
				'reason'      => $reason,
				'instance'    => $instance,
				'flow'        => $flow,
			),
			array( '%d', '%s', '%s', '%s', '%s' )
		);
		if ( ! $inserted ) {
			return;
		}
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE id <= %d", (int) $wpdb->insert_id - self::KEEP ) );
	}

	/**
	 * Whether a report from the bridge is one of the contract (fixtures/activity.json).
	 *
	 * @param mixed $report Decoded JSON.
	 * @return bool
	 */
	public static function valid_report( $report ) {
		if ( ! is_array( $report ) || ! isset( $report['events'] ) || ! is_array( $report['events'] ) ) {
			return false;
		}
		$count = count( $report['events'] );
		if ( 0 === $count || $count > self::MAX_EVENTS ) {
			return false;
		}
		// Any code wp-login.php knows (the bridge sends a subset of them): each has its words.
		$codes = array_keys( Error_Messages::all() );
		foreach ( $report['events'] as $event ) {
			$valid = is_array( $event ) && isset( $event['at'], $event['step'], $event['reason'] )
				&& is_int( $event['at'] )
				&& in_array( $event['step'], self::BRIDGE_STEPS, true )
				&& in_array( $event['reason'], $codes, true )
				&& isset( $event['instance'], $event['flow'] )
				&& is_string( $event['instance'] ) && preg_match( '/^[\w.-]{0,64}$/', $event['instance'] )
				&& is_string( $event['flow'] ) && preg_match( '/^([0-9a-f]{12})?$/', $event['flow'] );
			if ( ! $valid ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The newest failures first.
	 *
	 * @param int $limit How many.
	 * @return array<int,object>
	 */
	public static function latest( $limit = self::KEEP ) {
		global $wpdb;
		$table = self::table();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT * FROM {$table} ORDER BY id DESC LIMIT %d", $limit ) );
		return is_array( $rows ) ? $rows : array();
	}
}
