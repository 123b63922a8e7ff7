<?php
/**
 * Removes everything the plugin stored when an administrator deletes it.
 *
 * @package LogtoBridge
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'logto_bridge_settings' );
delete_option( 'logto_bridge_secret' );
delete_option( 'logto_bridge_setup' );
delete_metadata( 'user', 0, 'logto_sub', '', true );
delete_metadata( 'user', 0, 'logto_phone', '', true );
