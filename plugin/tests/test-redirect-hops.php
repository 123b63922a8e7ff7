<?php
/**
 * CLI test (php plugin/tests/test-redirect-hops.php): which `init` callbacks a sign-in's redirect
 * hops skip, against stand-ins of WordPress's hook table.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require( array( 'login/class-redirect-hops' ) );

use LogtoBridge\Redirect_Hops;

$lean = true;

// phpcs:disable Universal.Files.SeparateFunctionsFromOO, Squiz.Commenting.FunctionComment.Missing -- stand-ins.
function apply_filters( $hook, $value ) {
	return 'logto_bridge_lean_sign_in_hops' === $hook ? $GLOBALS['lean'] : $value;
}
function remove_action( $hook, $callback, $priority ) {
	foreach ( $GLOBALS['wp_filter'][ $hook ]->callbacks[ $priority ] as $id => $hooked ) {
		if ( $hooked['function'] === $callback ) {
			unset( $GLOBALS['wp_filter'][ $hook ]->callbacks[ $priority ][ $id ] );
			return true;
		}
	}
	return false;
}
// phpcs:enable

/**
 * `init` as WordPress 7.1 fills it, with a plugin's and a theme's callbacks among core's.
 *
 * @return object
 */
function logto_bridge_test_init_hook() {
	$hooked = static function ( $callbacks ) {
		return array_map(
			static function ( $callback ) {
				return array(
					'function'      => $callback,
					'accepted_args' => 1,
				);
			},
			$callbacks
		);
	};
	return (object) array(
		'callbacks' => array(
			0  => $hooked( array( 'create_initial_post_types', 'create_initial_taxonomies', 'kses_init' ) ),
			5  => $hooked( array( 'wp_widgets_init', 'register_core_block_style_handles' ) ),
			10 => $hooked(
				array(
					'register_block_core_paragraph',
					'_register_block_bindings_post_meta_source',
					'_register_theme_block_patterns',
					'my_plugin_register_user_hooks',
					'my_plugin_register_block_core_extras',
					array( 'My_Plugin', 'init' ),
					static function () {},
				)
			),
			22 => $hooked( array( array( 'WP_Block_Supports', 'init' ), array( 'WP_Block_Supports', 'other' ) ) ),
		),
	);
}

// phpcs:ignore WordPress.WP.GlobalVariablesOverride -- the stand-in.
$wp_filter = array( 'init' => logto_bridge_test_init_hook() );
$removed   = Redirect_Hops::skip_editor_setup();
$left      = array();
foreach ( $wp_filter['init']->callbacks as $callbacks ) {
	foreach ( $callbacks as $callback ) {
		$function = $callback['function'];
		$name     = is_string( $function ) ? $function : 'closure';
		$left[]   = is_array( $function ) ? implode( '::', $function ) : $name;
	}
}
logto_bridge_check( 6 === $removed, 'the editor\'s and widgets\' six set-up callbacks are taken out' );
$kept = array( 'create_initial_post_types', 'create_initial_taxonomies', 'kses_init' );
$kept = array_merge( $kept, array( 'my_plugin_register_user_hooks', 'my_plugin_register_block_core_extras' ) );
$kept = array_merge( $kept, array( 'My_Plugin::init', 'closure', 'WP_Block_Supports::other' ) );
logto_bridge_check(
	$kept === $left,
	'core\'s other set-up and every plugin\'s and theme\'s own callbacks stay'
);

$lean = false;
// phpcs:ignore WordPress.WP.GlobalVariablesOverride
$wp_filter = array( 'init' => logto_bridge_test_init_hook() );
logto_bridge_check(
	0 === Redirect_Hops::skip_editor_setup(),
	'the logto_bridge_lean_sign_in_hops filter turns it off'
);

logto_bridge_report();
