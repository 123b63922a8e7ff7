<?php
/**
 * Plugin Name:       Logto Bridge
 * Plugin URI:        https://github.com/logto-bridge/logto-bridge-wordpress
 * Description:       Sign in to WordPress through Logto, with phone number + SMS code as a first-class way in.
 * Version:           0.2.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Author:            Logto Bridge contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       logto-bridge
 * Domain Path:       /languages
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'LOGTO_BRIDGE_VERSION', '0.2.0' );
define( 'LOGTO_BRIDGE_FILE', __FILE__ );
define( 'LOGTO_BRIDGE_DIR', plugin_dir_path( __FILE__ ) );

// Each class loads on first use, from the folder of what it serves (LogtoBridge\Sign_In_Flow is
// includes/login/class-sign-in-flow.php): an ordinary page needs a few, and every file loaded
// costs every request.
spl_autoload_register(
	static function ( $class_name ) {
		$prefix = __NAMESPACE__ . '\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$file    = 'class-' . str_replace( '_', '-', strtolower( substr( $class_name, strlen( $prefix ) ) ) ) . '.php';
		$folders = array( '', 'login/', 'accounts/', 'settings/', 'bridge/', 'front/', 'api/', 'setup/', 'network/' );
		foreach ( $folders as $folder ) {
			if ( is_readable( LOGTO_BRIDGE_DIR . 'includes/' . $folder . $file ) ) {
				require LOGTO_BRIDGE_DIR . 'includes/' . $folder . $file;
				return;
			}
		}
	}
);

register_activation_hook( __FILE__, array( Plugin::class, 'activate' ) );
Plugin::add_hooks();
