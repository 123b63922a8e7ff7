<?php
/**
 * The test network runs on 127.0.0.1:<port>; WordPress strips the port from a new site's domain
 * (sanitize_user() on it), which a real network on 443 never notices. Keeps it, so Network Admin >
 * Sites > Add New makes sites this network can serve.
 *
 * @package LogtoBridge
 */

add_filter(
	'sanitize_user',
	static function ( $username, $raw, $strict ) {
		if ( ! $strict || ! defined( 'DOMAIN_CURRENT_SITE' ) ) {
			return $username;
		}
		$ours = DOMAIN_CURRENT_SITE === $raw || ( is_string( $raw ) && '.' . DOMAIN_CURRENT_SITE === strstr( $raw, '.' ) );
		return $ours ? $raw : $username;
	},
	10,
	3
);
