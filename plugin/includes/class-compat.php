<?php
/**
 * Fills gaps between the WordPress versions the plugin supports.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Back-fills what our built bundles expect from newer WordPress releases.
 */
final class Compat {

	/**
	 * Registers `react-jsx-runtime` where core does not (WordPress before 6.6).
	 *
	 * @param \WP_Scripts $scripts The script registry being set up.
	 */
	public static function register_scripts( $scripts ) {
		if ( $scripts->query( 'react-jsx-runtime', 'registered' ) ) {
			return;
		}
		$scripts->add(
			'react-jsx-runtime',
			plugins_url( 'assets/react-jsx-runtime.js', LOGTO_BRIDGE_FILE ),
			array( 'react' ),
			LOGTO_BRIDGE_VERSION
		);
	}
}
