<?php
/**
 * Removes everything the plugin stored when an administrator deletes it.
 *
 * @package LogtoBridge
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

global $wpdb;
// Every row the plugin wrote: its options, transients (bearer cache, rate limits, notices),
// locks and replay nonces (options named logto_bridge_*), and every logto_* user meta.
$logto_bridge_like = array(
	$wpdb->esc_like( 'logto_bridge_' ) . '%',
	$wpdb->esc_like( '_transient_logto_' ) . '%',
	$wpdb->esc_like( '_transient_timeout_logto_' ) . '%',
	$wpdb->esc_like( '_site_transient_logto_' ) . '%',
	$wpdb->esc_like( '_site_transient_timeout_logto_' ) . '%',
);
// On a network: every site's rows and table, and the network's own (its settings, bridge secret
// and kept setup credentials, as site options).
$logto_bridge_blogs = is_multisite() ? get_sites(
	array(
		'fields' => 'ids',
		'number' => 0,
	)
) : array( 0 );
foreach ( $logto_bridge_blogs as $logto_bridge_blog ) {
	if ( $logto_bridge_blog ) {
		switch_to_blog( (int) $logto_bridge_blog );
	}
	foreach ( $logto_bridge_like as $logto_bridge_pattern ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- uninstall: the rows themselves, once.
		$wpdb->query(
			$wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name LIKE %s", $logto_bridge_pattern )
		);
	}
	// The sign-in activity table (Logto > Activity).
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.DirectDatabaseQuery.SchemaChange
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}logto_bridge_activity" );
	if ( $logto_bridge_blog ) {
		restore_current_blog();
	}
}
if ( is_multisite() ) {
	foreach ( $logto_bridge_like as $logto_bridge_pattern ) {
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->sitemeta} WHERE meta_key LIKE %s", $logto_bridge_pattern ) );
	}
}
// phpcs:ignore WordPress.DB.DirectDatabaseQuery
$wpdb->query(
	$wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE meta_key LIKE %s", $wpdb->esc_like( 'logto_' ) . '%' )
);
wp_cache_flush();
