<?php
/**
 * The Logto > Settings admin screen: a root element the React app mounts on.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the top-level Logto menu and loads the settings app only on its screen.
 */
final class Settings_Page {

	const MENU_SLUG = 'logto-bridge';

	/**
	 * Hook suffix WordPress gave the settings screen; assets load only there.
	 *
	 * @var string
	 */
	private static $hook_suffix = '';

	/**
	 * Adds Logto and Logto > Settings to the admin menu.
	 */
	public static function register_menu() {
		// The screen WordPress renders for our slug is the top-level page's hook.
		self::$hook_suffix = (string) add_menu_page(
			__( 'Logto settings', 'logto-bridge' ),
			__( 'Logto', 'logto-bridge' ),
			'manage_options',
			self::MENU_SLUG,
			array( __CLASS__, 'render' ),
			'dashicons-lock',
			81
		);
		// Re-registering the parent slug names the first submenu entry "Settings".
		add_submenu_page(
			self::MENU_SLUG,
			__( 'Logto settings', 'logto-bridge' ),
			__( 'Settings', 'logto-bridge' ),
			'manage_options',
			self::MENU_SLUG,
			array( __CLASS__, 'render' )
		);
	}

	/**
	 * Network Admin > Logto, when the plugin is network-activated: the network's connection and
	 * the defaults every site inherits.
	 */
	public static function register_network_menu() {
		if ( ! Network::is_active() ) {
			return;
		}
		self::$hook_suffix = (string) add_menu_page(
			__( 'Logto settings for the network', 'logto-bridge' ),
			__( 'Logto', 'logto-bridge' ),
			'manage_network_options',
			self::MENU_SLUG,
			array( __CLASS__, 'render' ),
			'dashicons-lock',
			81
		);
	}

	/**
	 * Prints the element the React app mounts on, with a fallback for when scripts fail.
	 */
	public static function render() {
		$network = is_network_admin();
		if ( ! current_user_can( $network ? 'manage_network_options' : 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage Logto settings.', 'logto-bridge' ), 403 );
		}
		$scope = $network ? 'network' : 'site';
		echo '<div class="wrap"><div id="logto-bridge-settings" data-scope="' . esc_attr( $scope ) . '">';
		echo '<noscript>' . esc_html__( 'The Logto settings screen needs JavaScript.', 'logto-bridge' ) . '</noscript>';
		echo '</div></div>';
	}

	/**
	 * Enqueues the built settings app with the dependencies wp-scripts recorded for it.
	 *
	 * @param string $hook_suffix The current admin screen.
	 */
	public static function enqueue_assets( $hook_suffix ) {
		if ( '' === self::$hook_suffix || $hook_suffix !== self::$hook_suffix ) {
			return;
		}
		$asset_file = Plugin::build_path( 'settings/index.asset.php' );
		if ( ! file_exists( $asset_file ) ) {
			return;
		}
		$asset = require $asset_file;
		wp_enqueue_script(
			'logto-bridge-settings',
			plugins_url( 'build/settings/index.js', LOGTO_BRIDGE_FILE ),
			$asset['dependencies'],
			$asset['version'],
			true
		);
		wp_set_script_translations( 'logto-bridge-settings', 'logto-bridge', LOGTO_BRIDGE_DIR . 'languages' );
		if ( file_exists( Plugin::build_path( 'settings/style-index.css' ) ) ) {
			wp_enqueue_style(
				'logto-bridge-settings',
				plugins_url( 'build/settings/style-index.css', LOGTO_BRIDGE_FILE ),
				array( 'wp-components' ),
				$asset['version']
			);
		}
		wp_enqueue_style( 'wp-components' );
	}
}
