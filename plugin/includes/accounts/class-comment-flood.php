<?php
/**
 * WordPress's comment flood check, fair to accounts without an email address.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Core's check (wp_check_comment_flood) counts a signed-in user's earlier comments by user ID
 * *or by the same email address*. Phone-only accounts all have the empty address, so one such
 * user's comment made every other one "post too quickly" for 15 seconds, on the site's comment
 * form and on the REST API alike. For a signed-in user without an email address the check is
 * made by user ID only, with core's own throttle (`comment_flood_filter`).
 */
final class Comment_Flood {

	/**
	 * The `wp_is_comment_flood` filter, just before core's: takes over for address-less users.
	 *
	 * @param bool   $is_flood  Flood already found.
	 * @param string $ip        Commenter's IP.
	 * @param string $email     Commenter's email address.
	 * @param string $date      The new comment's date (GMT).
	 * @return bool
	 */
	public static function check( $is_flood, $ip, $email, $date ) {
		unset( $ip );
		if ( true === $is_flood || '' !== (string) $email || ! is_user_logged_in() ) {
			return $is_flood;
		}
		remove_filter( 'wp_is_comment_flood', 'wp_check_comment_flood', 10 );
		if ( current_user_can( 'manage_options' ) || current_user_can( 'moderate_comments' ) ) {
			return false;
		}
		global $wpdb;
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- core's own query, by user ID only.
		$last = $wpdb->get_var(
			$wpdb->prepare(
				"SELECT comment_date_gmt FROM {$wpdb->comments} WHERE comment_date_gmt >= %s AND user_id = %d ORDER BY comment_date_gmt DESC LIMIT 1",
				gmdate( 'Y-m-d H:i:s', time() - HOUR_IN_SECONDS ),
				get_current_user_id()
			)
		);
		if ( ! $last ) {
			return false;
		}
		// Core's throttle (wp_throttle_comment_flood: 15 s by default), as core applies it.
		$then = mysql2date( 'U', $last, false );
		$now  = mysql2date( 'U', $date, false );
		// Core's filter, applied as core applies it.
		// phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound
		return (bool) apply_filters( 'comment_flood_filter', false, $then, $now );
	}
}
