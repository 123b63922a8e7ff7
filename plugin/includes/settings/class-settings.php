<?php
/**
 * The plugin's settings: stored values over the field table's defaults, wp-config constants
 * over both, and the shapes sent to the browser and to the bridge.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Reads and writes the `logto_bridge_settings` option (fields: Settings_Fields::FIELDS).
 */
final class Settings {

	const OPTION        = 'logto_bridge_settings';
	const SECRET_OPTION = 'logto_bridge_secret';

	/**
	 * Values of a fresh install.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults() {
		return Settings_Fields::defaults();
	}

	/**
	 * Effective settings: stored values over defaults, constants over both. On a network (the
	 * plugin network-activated) the stored values are the network's, with the site's own over
	 * them where a site may differ (Network::SITE_FIELDS).
	 *
	 * @return array<string,mixed>
	 */
	public static function get() {
		$stored = get_option( self::OPTION, array() );
		if ( self::on_network() ) {
			$stored = array_merge( Network::stored(), Network::overrides( $stored ) );
		}
		return self::with_constants( array_merge( self::defaults(), is_array( $stored ) ? $stored : array() ) );
	}

	/**
	 * The network's settings (Network Admin > Logto): its stored values over defaults, constants over both.
	 *
	 * @return array<string,mixed>
	 */
	public static function network_get() {
		return self::with_constants( array_merge( self::defaults(), Network::stored() ) );
	}

	/**
	 * Settings with wp-config.php's constants over them.
	 *
	 * @param array<string,mixed> $settings Stored values over defaults.
	 * @return array<string,mixed>
	 */
	private static function with_constants( array $settings ) {
		foreach ( Settings_Fields::constants() as $key => $constant ) {
			if ( defined( $constant ) ) {
				$settings[ $key ] = (string) constant( $constant );
			}
		}
		return $settings;
	}

	/**
	 * The keys defined in wp-config.php, which the screen shows as locked.
	 *
	 * @return string[]
	 */
	public static function locked() {
		return array_keys( array_filter( Settings_Fields::constants(), 'defined' ) );
	}

	/**
	 * Whether the plugin is network-activated on a multisite (is_multisite() first: a single site
	 * never loads the network's class).
	 *
	 * @return bool
	 */
	public static function on_network() {
		return is_multisite() && Network::is_active();
	}

	/**
	 * On a site of a network: the fields that are the network's, which its screen shows read-only.
	 *
	 * @return string[]
	 */
	public static function inherited() {
		return self::on_network() && ! is_network_admin() ? Network::inherited_fields() : array();
	}

	/**
	 * Whether sign-in through Logto can work at all.
	 *
	 * @return bool
	 */
	public static function is_configured() {
		$s = self::get();
		return '' !== $s['endpoint'] && '' !== $s['app_id'] && '' !== $s['app_secret'] && '' !== $s['bridge_url'];
	}

	/**
	 * The secret shared with the bridge: LOGTO_BRIDGE_SECRET wins, else the generated one.
	 *
	 * @return string
	 */
	public static function bridge_secret() {
		if ( defined( 'LOGTO_BRIDGE_SECRET' ) && '' !== (string) LOGTO_BRIDGE_SECRET ) {
			return (string) LOGTO_BRIDGE_SECRET;
		}
		// A network has one bridge connection: every site signs and opens with the same secret.
		if ( self::on_network() ) {
			return (string) get_site_option( self::SECRET_OPTION, '' );
		}
		return (string) get_option( self::SECRET_OPTION, '' );
	}

	/**
	 * Makes the shared secret on activation (32 random bytes), kept out of autoload; the
	 * network's when network-activated.
	 *
	 * @param bool $network_wide Whether the plugin is being network-activated.
	 */
	public static function ensure_bridge_secret( $network_wide = false ) {
		if ( $network_wide ) {
			if ( '' === (string) get_site_option( self::SECRET_OPTION, '' ) ) {
				add_site_option( self::SECRET_OPTION, bin2hex( random_bytes( 32 ) ) );
			}
		} elseif ( '' === (string) get_option( self::SECRET_OPTION, '' ) ) {
			add_option( self::SECRET_OPTION, bin2hex( random_bytes( 32 ) ), '', 'no' );
		}
	}

	/**
	 * What the settings screen may see: write-only fields only as `<key>_set`.
	 *
	 * @param bool $network The network's settings (Network Admin > Logto), not this site's.
	 * @return array<string,mixed>
	 */
	public static function for_browser( $network = false ) {
		$s       = $network ? self::network_get() : self::get();
		$browser = array();
		foreach ( Settings_Fields::FIELDS as $key => $field ) {
			if ( 'write_only' === $field['browser'] ) {
				$browser[ $key . '_set' ] = '' !== $s[ $key ];
			} else {
				$browser[ $key ] = $s[ $key ];
			}
		}
		$browser['locked']                      = self::locked();
		$browser['inherited']                   = $network ? array() : self::inherited();
		$browser['uris']                        = Bridge_Client::registered_uris();
		$browser['bridge_secret_from_constant'] = defined( 'LOGTO_BRIDGE_SECRET' );
		return $browser;
	}

	/**
	 * What the bridge needs (site-config), in the bridge's field names, with the WordPress
	 * URLs it sends visitors and requests to: the site's own, however its login URL is filtered.
	 *
	 * @param string $api_resource The API resource indicator access tokens are issued for.
	 * @return array<string,mixed>
	 */
	public static function site_config( $api_resource ) {
		$s      = self::get();
		$bridge = array();
		foreach ( Settings_Fields::FIELDS as $key => $field ) {
			if ( isset( $field['bridge'] ) ) {
				$bridge[ $field['bridge'] ] = $s[ $key ];
			}
		}
		$bridge['endpoint']    = untrailingslashit( (string) $bridge['endpoint'] );
		$bridge['extraParams'] = (object) $bridge['extraParams'];
		$origins               = array_filter(
			array( self::origin( home_url( '/' ) ), self::origin( site_url( '/' ) ), self::origin( admin_url( '/' ) ) )
		);
		if ( self::on_network() ) {
			// The bridge knows the main site; it returns each visitor to the site they started on.
			$bridge['networkSites'] = Network::bridge_sites();
			$origins                = array_merge( $origins, Network::origins( $bridge['networkSites'] ) );
		}
		return $bridge + array(
			'siteUrl'              => home_url( '/' ),
			'allowedReturnOrigins' => array_values( array_unique( $origins ) ),
			'callbackUrl'          => Sign_In_Flow::callback_url(),
			'errorUrl'             => wp_login_url(),
			'restUrl'              => rest_url( Rest_Admin::NAMESPACE_V1 . '/' ),
			'apiResource'          => $api_resource,
		);
	}

	/**
	 * Scheme, host and port of a URL.
	 *
	 * @param string $url Absolute URL.
	 * @return string
	 */
	public static function origin( $url ) {
		$parts = wp_parse_url( $url );
		if ( empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
			return '';
		}
		return $parts['scheme'] . '://' . $parts['host'] . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
	}

	/**
	 * Validates and saves a partial update. Nothing is saved when any field is invalid. On a site
	 * of a network only what a site may differ in is saved, and a value equal to the network's is
	 * not kept, so the site follows the network's later changes.
	 *
	 * @param array<string,mixed> $input   Fields from the settings screen.
	 * @param bool                $network The network's settings (Network Admin > Logto).
	 * @return array<string,mixed>|\WP_Error Saved settings for the browser, or per-field errors.
	 */
	public static function update( array $input, $network = false ) {
		$in_network = ! $network && self::on_network();
		$stored     = $network ? Network::stored() : (array) get_option( self::OPTION, array() );
		$next       = $in_network ? Network::overrides( $stored ) : array_merge( self::defaults(), $stored );
		$inherited  = $in_network ? self::network_get() : array();
		$errors     = array();
		$locked     = self::locked();
		foreach ( array_keys( Settings_Fields::FIELDS ) as $key ) {
			if ( ! array_key_exists( $key, $input ) || in_array( $key, $locked, true ) ) {
				continue;
			}
			if ( $in_network && ! in_array( $key, Network::SITE_FIELDS, true ) ) {
				$errors[ $key ] = __( 'This is set for the whole network, in Network Admin > Logto.', 'logto-bridge' );
				continue;
			}
			$value = call_user_func( Settings_Fields::validator( $key ), $input[ $key ], $key );
			if ( is_wp_error( $value ) ) {
				$errors[ $key ] = $value->get_error_message();
			} elseif ( $in_network && $value === $inherited[ $key ] ) {
				unset( $next[ $key ] );
			} elseif ( null !== $value ) {
				$next[ $key ] = $value;
			}
		}
		if ( $errors ) {
			return new \WP_Error(
				'logto_bridge_invalid_settings',
				__( 'Some settings are invalid; nothing was saved.', 'logto-bridge' ),
				array(
					'status' => 400,
					'fields' => $errors,
				)
			);
		}
		if ( $network ) {
			update_site_option( Network::OPTION, $next );
		} else {
			update_option( self::OPTION, $next, true );
		}
		// The admin has now seen and saved the settings an upgrade reset.
		delete_option( Settings_Upgrade::RESET_OPTION );
		Setup_Credentials::forget_if_retargeted();
		// A new bridge URL, or an admin checking a repaired bridge, is asked afresh.
		delete_transient( Bridge_Health::HEALTH_TRANSIENT );
		Bridge_Client::refresh_site_config();
		return self::for_browser( $network );
	}
}
