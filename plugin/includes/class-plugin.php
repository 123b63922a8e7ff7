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
	 * Our actions of wp-login.php: the sign-in, its callback, and the two ways to confirm a
	 * link. Literal names, so registering them (which wp-login.php needs before any hook of its
	 * own) loads none of these classes; the contract test checks them against their constants.
	 */
	const LOGIN_ACTIONS = array(
		'logto-sign-in'       => array( Sign_In_Flow::class, 'start' ),
		'logto-callback'      => array( Sign_In_Flow::class, 'callback' ),
		'logto-link'          => array( Account_Link::class, 'confirm' ),
		'logto-link-password' => array( Link_Password::class, 'handle' ),
	);

	/**
	 * The actions of wp-login.php that only redirect (Redirect_Hops).
	 */
	const REDIRECT_ACTIONS = array( 'logto-sign-in', 'logto-callback' );

	/**
	 * Registers every hook the plugin needs.
	 */
	public static function add_hooks() {
		// A sign-in's two redirect hops skip the editor's set-up at `init`. `$pagenow` is set before
		// plugins load; the class loads only on those hops.
		// phpcs:disable WordPress.Security.NonceVerification.Recommended, WordPress.Security.ValidatedSanitizedInput
		// -- compared with literals only.
		$action = isset( $_REQUEST['action'] ) ? $_REQUEST['action'] : '';
		// phpcs:enable
		if ( 'wp-login.php' === ( $GLOBALS['pagenow'] ?? '' ) && in_array( $action, self::REDIRECT_ACTIONS, true ) ) {
			// After every plugin's own plugins_loaded: a filter that turns it off is in place.
			add_action( 'plugins_loaded', array( Redirect_Hops::class, 'skip_editor_setup' ), PHP_INT_MAX );
		}
		// After core's own registrations (priority 10), so we only fill what is missing.
		add_action( 'wp_default_scripts', array( Compat::class, 'register_scripts' ), 11 );
		// An update in place (a zip uploaded over the plugin) never activates: the schema is compared at each load.
		add_action( 'plugins_loaded', array( Settings_Upgrade::class, 'maybe_upgrade' ) );
		add_action( 'plugins_loaded', array( Activity_Log::class, 'maybe_install' ) );
		add_action( 'admin_notices', array( Settings_Upgrade::class, 'notice' ) );
		add_action( 'init', array( __CLASS__, 'load_textdomain' ) );
		add_action( 'init', array( Block::class, 'register' ) );
		add_action( 'init', array( Users::class, 'register_meta' ) );
		if ( is_multisite() ) {
			// Before anything checks what the visitor may do here.
			add_action( 'init', array( Network_Members::class, 'on_visit' ), 1 );
			// After core has made the new site's tables and URLs (10).
			add_action( 'wp_initialize_site', array( Network::class, 'sites_changed' ), 20 );
			add_action( 'wp_delete_site', array( Network::class, 'sites_changed' ), 20 );
			add_action( 'wp_update_site', array( Network::class, 'sites_changed' ), 20 );
		}
		add_shortcode( 'logto_sign_in', array( Shortcode::class, 'render' ) );
		add_action( 'admin_menu', array( Settings_Page::class, 'register_menu' ) );
		add_action( 'network_admin_menu', array( Settings_Page::class, 'register_network_menu' ) );
		add_action( 'admin_menu', array( Activity_Page::class, 'register_menu' ) );
		add_action( 'admin_enqueue_scripts', array( Settings_Page::class, 'enqueue_assets' ) );
		add_action( 'rest_api_init', array( Rest_Admin::class, 'register_routes' ) );
		add_action( 'rest_api_init', array( Rest_Bridge::class, 'register_routes' ) );
		add_action( 'rest_api_init', array( Setup_Routes::class, 'register_routes' ) );
		add_action( 'rest_api_init', array( Rest_App::class, 'register_routes' ) );

		// Users screens: the Logto column and views, the profile section, unlinking, password resets.
		add_filter( 'manage_users_columns', array( User_Admin::class, 'columns' ) );
		add_filter( 'manage_users_custom_column', array( User_Admin::class, 'column' ), 10, 3 );
		add_filter( 'views_users', array( User_Admin::class, 'views' ) );
		add_action( 'pre_get_users', array( User_Admin::class, 'filter_query' ) );
		add_action( 'show_user_profile', array( User_Admin::class, 'profile_section' ) );
		add_action( 'edit_user_profile', array( User_Admin::class, 'profile_section' ) );
		add_action( 'personal_options_update', array( User_Admin::class, 'maybe_unlink' ) );
		add_action( 'edit_user_profile_update', array( User_Admin::class, 'maybe_unlink' ) );
		add_filter( 'allow_password_reset', array( User_Admin::class, 'allow_password_reset' ), 10, 2 );
		add_filter( 'user_row_actions', array( User_Admin::class, 'row_actions' ), 10, 2 );

		// wp-login.php: our actions, the redirect mode, the form extras and the password policy.
		foreach ( self::LOGIN_ACTIONS as $action => $callback ) {
			add_action( 'login_form_' . $action, $callback );
		}
		add_action( 'login_init', array( Login_Screen::class, 'maybe_redirect' ) );
		add_filter( 'login_message', array( Login_Screen::class, 'login_message' ) );
		add_action( 'login_head', array( Login_Screen::class, 'login_head' ) );
		add_filter( 'enable_login_autofocus', array( Login_Screen::class, 'enable_login_autofocus' ) );
		add_action( 'login_form', array( Password_Policy::class, 'login_form' ) );
		// After core's username/password check (20), so we judge the authenticated user.
		add_filter( 'authenticate', array( Password_Policy::class, 'authenticate' ), 30, 2 );
		add_filter(
			'wp_is_application_passwords_available_for_user',
			array( Password_Policy::class, 'application_passwords_available' ),
			10,
			2
		);
		add_filter( 'logout_redirect', array( Sign_Out::class, 'logout_redirect' ), 10, 3 );
		add_filter( 'wp_is_comment_flood', array( Comment_Flood::class, 'check' ), 9, 4 );
		add_filter( 'allowed_redirect_hosts', array( Sign_Out::class, 'allowed_redirect_hosts' ) );

		// REST API with Logto access tokens: only requests that carry an Authorization header pay for it.
		// phpcs:ignore WordPress.Security.ValidatedSanitizedInput -- presence only.
		if ( isset( $_SERVER['HTTP_AUTHORIZATION'] ) || isset( $_SERVER['REDIRECT_HTTP_AUTHORIZATION'] ) ) {
			// After core's cookie and application-password checks (10 and 20).
			add_filter( 'determine_current_user', array( Bearer_Auth::class, 'determine_current_user' ), 30 );
			// Before core's cookie nonce check (100): a token needs no nonce.
			add_filter( 'rest_authentication_errors', array( Bearer_Auth::class, 'authentication_errors' ), 50 );
			add_filter( 'rest_pre_dispatch', array( Bearer_Auth::class, 'enforce_scope' ), 10, 3 );
			add_filter( 'rest_post_dispatch', array( Bearer_Auth::class, 'challenge' ) );
		}
	}

	/**
	 * Runs on activation: the shared secret for the bridge, unless wp-config.php defines one
	 * (the network's when network-activated).
	 *
	 * @param bool $network_wide Whether the plugin is being network-activated.
	 */
	public static function activate( $network_wide = false ) {
		// First: with no data yet this is a fresh install, which needs no migration.
		Settings_Upgrade::maybe_upgrade();
		Settings::ensure_bridge_secret( (bool) $network_wide );
	}

	/**
	 * Loads translations shipped with the plugin.
	 */
	public static function load_textdomain() {
		// The strings are English: looking for an en_US file costs every request about 1 ms for nothing.
		if ( 'en_US' === determine_locale() ) {
			return;
		}
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
