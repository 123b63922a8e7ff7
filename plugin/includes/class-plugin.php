<?php
/**
 * Wires every part of the plugin into WordPress.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The one place where hooks are registered, so the plugin's surface is readable at a glance.
 */
final class Plugin {

	/**
	 * Registers every hook the plugin needs.
	 */
	public static function add_hooks() {
		// After core's own registrations (priority 10), so we only fill what is missing.
		add_action( 'wp_default_scripts', array( Compat::class, 'register_scripts' ), 11 );
		add_action( 'init', array( __CLASS__, 'load_textdomain' ) );
		add_action( 'init', array( Block::class, 'register' ) );
		add_action( 'admin_menu', array( Settings_Page::class, 'register_menu' ) );
		add_action( 'admin_enqueue_scripts', array( Settings_Page::class, 'enqueue_assets' ) );
	}

	/**
	 * Loads translations shipped with the plugin.
	 */
	public static function load_textdomain() {
		load_plugin_textdomain( 'logto-bridge', false, dirname( plugin_basename( LOGTO_BRIDGE_FILE ) ) . '/languages' );
	}

	/**
	 * Absolute path of a file under plugin/build/.
	 *
	 * @param string $relative Path relative to the build folder.
	 * @return string
	 */
	public static function build_path( $relative ) {
		return LOGTO_BRIDGE_DIR . 'build/' . ltrim( $relative, '/' );
	}
}
