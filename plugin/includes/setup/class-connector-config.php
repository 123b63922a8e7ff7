<?php
/**
 * An SMS connector config as the setup wizard's screen sends it.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Field names and values cleaned before they go to the bridge and on to Logto.
 */
final class Connector_Config {

	/**
	 * A connector config from the screen: strings sanitized, the templates list kept as a list.
	 *
	 * @param mixed $config Submitted config.
	 * @return array<string,mixed>
	 */
	public static function sanitize( $config ) {
		$clean = array();
		foreach ( (array) $config as $key => $value ) {
			$key = preg_replace( '/[^A-Za-z0-9_]/', '', (string) $key );
			if ( 'templates' === $key && is_array( $value ) ) {
				$clean[ $key ] = array_values(
					array_map(
						static function ( $template ) {
							return array_map( 'sanitize_text_field', array_map( 'strval', (array) $template ) );
						},
						$value
					)
				);
			} elseif ( is_bool( $value ) ) {
				$clean[ $key ] = $value;
			} elseif ( is_scalar( $value ) ) {
				$clean[ $key ] = sanitize_text_field( (string) $value );
			}
		}
		return $clean;
	}
}
