<?php
/**
 * WordPress multisite: the plugin network-activated holds one Logto connection for the whole
 * network (Network Admin > Logto), and each site may differ only in what a site owner decides.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The network's settings (a site option) and what each site inherits or overrides.
 */
final class Network {

	const OPTION = 'logto_bridge_network_settings';

	/**
	 * What a site of the network may set for itself; everything else is the network's.
	 */
	const SITE_FIELDS = array( 'login_mode', 'role_mapping', 'default_role' );

	/**
	 * Whether the plugin is network-activated on a multisite: only then is there a network's
	 * connection to inherit (activated on one site, it is that site's own, as on a single site).
	 *
	 * @return bool
	 */
	public static function is_active() {
		if ( ! is_multisite() ) {
			return false;
		}
		$plugins = get_site_option( 'active_sitewide_plugins', array() );
		return is_array( $plugins ) && isset( $plugins[ plugin_basename( LOGTO_BRIDGE_FILE ) ] );
	}

	/**
	 * The network's stored settings.
	 *
	 * @return array<string,mixed>
	 */
	public static function stored() {
		$stored = get_site_option( self::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * A site's own stored values, limited to what a site may override.
	 *
	 * @param mixed $stored The site's option.
	 * @return array<string,mixed>
	 */
	public static function overrides( $stored ) {
		return array_intersect_key( is_array( $stored ) ? $stored : array(), array_flip( self::SITE_FIELDS ) );
	}

	/**
	 * The fields a site's screen shows as the network's (read-only there).
	 *
	 * @return string[]
	 */
	public static function inherited_fields() {
		return array_values( array_diff( array_keys( Settings_Fields::FIELDS ), self::SITE_FIELDS ) );
	}

	/**
	 * Every live site of the network as the bridge needs it: a sign-in returns to the site it
	 * started on, at that site's own login URL.
	 *
	 * @return array<int,array<string,string>>
	 */
	public static function bridge_sites() {
		$sites = array();
		$ids   = get_sites(
			array(
				'fields'   => 'ids',
				'number'   => 1000,
				'archived' => 0,
				'deleted'  => 0,
				'spam'     => 0,
			)
		);
		foreach ( $ids as $id ) {
			switch_to_blog( (int) $id );
			$sites[] = array(
				'url'         => home_url( '/' ),
				'callbackUrl' => Sign_In_Flow::callback_url(),
				'errorUrl'    => wp_login_url(),
			);
			restore_current_blog();
		}
		return $sites;
	}

	/**
	 * A site added, changed or removed: the bridge fetches the network's sites again at once,
	 * so the new site's first visitor is sent back to it (nothing new to register at Logto: the
	 * network's one app has the bridge's URIs only).
	 */
	public static function sites_changed() {
		if ( self::is_active() ) {
			Bridge_Client::refresh_site_config();
		}
	}

	/**
	 * The origins of every site (one on a subdirectory network, one per site on a subdomain one).
	 *
	 * @param array<int,array<string,string>> $sites bridge_sites().
	 * @return string[]
	 */
	public static function origins( array $sites ) {
		$origins = array_map( array( Settings::class, 'origin' ), wp_list_pluck( $sites, 'url' ) );
		return array_values( array_unique( array_filter( $origins ) ) );
	}
}
