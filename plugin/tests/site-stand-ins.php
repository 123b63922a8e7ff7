<?php
/**
 * Stand-ins for the core functions the settings classes call, for the CLI tests: a site at
 * https://blog.example whose options live in $GLOBALS['options'].
 *
 * @package LogtoBridge
 */

const LOGTO_BRIDGE_SITE = 'https://blog.example';

$options = array();

// phpcs:disable Universal.Files.SeparateFunctionsFromOO, Squiz.Commenting.FunctionComment.Missing -- stand-ins.
function wp_parse_url( $url ) {
	return parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- the stand-in.
}
function untrailingslashit( $value ) {
	return rtrim( $value, '/\\' );
}
function esc_url_raw( $url ) {
	return $url;
}
function home_url( $path = '' ) {
	return LOGTO_BRIDGE_SITE . '/' . ltrim( $path, '/' );
}
function admin_url() {
	return LOGTO_BRIDGE_SITE . '/wp-admin/';
}
function wp_validate_redirect( $location, $fallback = '' ) {
	// Core's rule, as far as these tests need it: a location on this site's host, or the fallback.
	$host = parse_url( $location, PHP_URL_HOST ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url
	if ( '' === $location || ( null === $host && 0 !== strpos( $location, '/' ) ) ) {
		return $fallback;
	}
	return null === $host || 'blog.example' === $host ? $location : $fallback;
}
function sanitize_text_field( $text ) {
	return trim( (string) preg_replace( '/<[^>]*>/', '', $text ) );
}
function get_option( $name, $fallback = false ) {
	return $GLOBALS['options'][ $name ] ?? $fallback;
}
function add_option( $name, $value ) {
	if ( array_key_exists( $name, $GLOBALS['options'] ) ) {
		return false;
	}
	$GLOBALS['options'][ $name ] = $value;
	return true;
}
function update_option( $name, $value ) {
	$GLOBALS['options'][ $name ] = $value;
	return true;
}
function delete_option( $name ) {
	unset( $GLOBALS['options'][ $name ] );
	return true;
}
function wp_json_encode( $data ) {
	// phpcs:ignore WordPress.WP.AlternativeFunctions.json_encode_json_encode -- the stand-in.
	return json_encode( $data );
}
function is_wp_error( $thing ) {
	return $thing instanceof WP_Error;
}
function rest_sanitize_boolean( $value ) {
	return in_array( $value, array( true, 1, '1', 'true' ), true );
}
function apply_filters( $hook, $value ) {
	return $value;
}
function wp_parse_args( $args, $defaults ) {
	return array_merge( $defaults, (array) $args );
}
function is_multisite() {
	return false;
}
// phpcs:enable
