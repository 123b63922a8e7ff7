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

	const NAME = 'logto-bridge/sign-in';

	/**
	 * Registers the block type when it has been built. Outside wp-admin its editor script is
	 * left out: only the block editor uses it, and registering its handle cost every other
	 * request about 0.8 ms (timed in php-fpm). wp-login.php renders no post content, so it
	 * registers no block at all: reading block.json was a third of the plugin's cost there.
	 */
	public static function register() {
		if ( is_login() ) {
			return;
		}
		$dir = Plugin::build_path( 'sign-in' );
		if ( ! file_exists( $dir . '/block.json' ) ) {
			return;
		}
		$editor = is_admin();
		if ( ! $editor ) {
			add_filter( 'block_type_metadata', array( __CLASS__, 'without_editor_script' ) );
		}
		register_block_type( $dir );
		if ( ! $editor ) {
			remove_filter( 'block_type_metadata', array( __CLASS__, 'without_editor_script' ) );
		}
	}

	/**
	 * This block's metadata without its editor script.
	 *
	 * @param array<string,mixed> $metadata Metadata read from a block.json.
	 * @return array<string,mixed>
	 */
	public static function without_editor_script( $metadata ) {
		if ( self::NAME === ( $metadata['name'] ?? '' ) ) {
			unset( $metadata['editorScript'] );
		}
		return $metadata;
	}
}
