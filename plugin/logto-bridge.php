<?php
/**
 * Plugin Name:       Logto Bridge
 * Plugin URI:        https://github.com/logto-bridge/logto-bridge-wordpress
 * Description:       Sign in to WordPress through Logto, with phone number + SMS code as a first-class way in.
 * Version:           0.1.0
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

define( 'LOGTO_BRIDGE_VERSION', '0.1.0' );
define( 'LOGTO_BRIDGE_FILE', __FILE__ );
define( 'LOGTO_BRIDGE_DIR', plugin_dir_path( __FILE__ ) );

require_once LOGTO_BRIDGE_DIR . 'includes/class-plugin.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-compat.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-settings-fields.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-settings-validator.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-settings.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-signature.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-replay-guard.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-bridge-client.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-user-names.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-roles.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-users.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-user-admin.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-account-link.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-link-password.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-error-messages.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-session.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-sign-in-form.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-sign-in-retry.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-sign-in-flow.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-login-screen.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-password-policy.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-sign-out.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-rest-admin.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-rest-bridge.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-settings-page.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-block.php';
require_once LOGTO_BRIDGE_DIR . 'includes/class-shortcode.php';

register_activation_hook( __FILE__, array( Plugin::class, 'activate' ) );
Plugin::add_hooks();
