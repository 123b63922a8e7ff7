<?php
/**
 * Registers the Logto sign-in block from its built block.json.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The logto-bridge/sign-in block: metadata, scripts and render.php come from build/.
 */
final class Block {

	/**
	 * Registers the block type when it has been built.
	 */
	public static function register() {
		$dir = Plugin::build_path( 'sign-in' );
		if ( file_exists( $dir . '/block.json' ) ) {
			register_block_type( $dir );
		}
	}
}
