<?php
/**
 * The two wp-login.php hops of a sign-in that answer with a redirect only, started without the
 * block editor's and the widgets' set-up.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `wp-login.php?action=logto-sign-in` and `?action=logto-callback` render nothing: they redirect
 * (to the bridge, or to where the visitor was going). Most of WordPress's `init` (about 6 ms of
 * an 11 ms start on WordPress 7.1) registers blocks, their styles, patterns, icons and widgets,
 * which only a rendered page reads; a visitor waits for these hops twice per sign-in. Everything
 * else runs as on any request: every plugin's and theme's own `init`, `wp_loaded`, `login_init`,
 * and the hooks a sign-in fires (`user_register`, `wp_login`). A site whose plugin reads a core
 * block at `init` turns it off with the `logto_bridge_lean_sign_in_hops` filter.
 */
final class Redirect_Hops {

	/**
	 * Core's `init` callbacks for the block editor's and the widgets' registries, by name; core
	 * blocks are matched by prefix (`register_block_core_*`), block bindings' sources too.
	 */
	const EDITOR_SETUP = array(
		'register_core_block_types_from_metadata',
		'register_core_block_style_handles',
		'register_legacy_post_comments_block',
		'wp_register_core_block_metadata_collection',
		'_register_core_block_patterns_and_categories',
		'_register_theme_block_patterns',
		'_wp_register_default_icons',
		'_wp_register_default_icon_collections',
		'_wp_register_default_font_collections',
		'wp_widgets_init',
	);

	/**
	 * Prefixes of core's per-block and block bindings `init` callbacks.
	 */
	const EDITOR_SETUP_PREFIXES = array( 'register_block_core_', '_register_block_bindings_' );

	/**
	 * At `plugins_loaded` (every plugin loaded, `init` not begun): takes core's editor set-up out
	 * of this request's `init`, unless filtered off.
	 *
	 * @return int How many callbacks were taken out.
	 */
	public static function skip_editor_setup() {
		global $wp_filter;
		/**
		 * Filters whether the sign-in's redirect hops skip the block editor's and widgets' set-up.
		 *
		 * @param bool $lean True by default.
		 */
		if ( ! apply_filters( 'logto_bridge_lean_sign_in_hops', true ) || ! isset( $wp_filter['init'] ) ) {
			return 0;
		}
		$removed = 0;
		foreach ( $wp_filter['init']->callbacks as $priority => $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( self::is_editor_setup( $callback['function'] ) ) {
					$removed += (int) remove_action( 'init', $callback['function'], $priority );
				}
			}
		}
		return $removed;
	}

	/**
	 * Whether an `init` callback is core's editor or widgets set-up.
	 *
	 * @param mixed $callback Hooked callback.
	 * @return bool
	 */
	public static function is_editor_setup( $callback ) {
		if ( is_array( $callback ) ) {
			return array( 'WP_Block_Supports', 'init' ) === $callback;
		}
		if ( ! is_string( $callback ) ) {
			return false;
		}
		if ( in_array( $callback, self::EDITOR_SETUP, true ) ) {
			return true;
		}
		foreach ( self::EDITOR_SETUP_PREFIXES as $prefix ) {
			if ( 0 === strpos( $callback, $prefix ) ) {
				return true;
			}
		}
		return false;
	}
}
