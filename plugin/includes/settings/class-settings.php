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
	 * Effective settings: stored values over defaults, constants over both.
	 *
	 * @return array<string,mixed>
	 */
	public static function get() {
		$stored   = get_option( self::OPTION, array() );
		$settings = array_merge( self::defaults(), is_array( $stored ) ? $stored : array() );
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
		return (string) get_option( self::SECRET_OPTION, '' );
	}

	/**
	 * Makes the shared secret on activation (32 random bytes), kept out of autoload.
	 */
	public static function ensure_bridge_secret() {
		if ( '' === (string) get_option( self::SECRET_OPTION, '' ) ) {
			add_option( self::SECRET_OPTION, bin2hex( random_bytes( 32 ) ), '', 'no' );
		}
	}

	/**
	 * What the settings screen may see: write-only fields only as `<key>_set`.
	 *
	 * @return array<string,mixed>
	 */
	public static function for_browser() {
		$s       = self::get();
		$browser = array();
		foreach ( Settings_Fields::FIELDS as $key => $field ) {
			if ( 'write_only' === $field['browser'] ) {
				$browser[ $key . '_set' ] = '' !== $s[ $key ];
			} else {
				$browser[ $key ] = $s[ $key ];
			}
		}
		$browser['locked']                      = self::locked();
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
	 * Validates and saves a partial update. Nothing is saved when any field is invalid.
	 *
	 * @param array<string,mixed> $input Fields from the settings screen.
	 * @return array<string,mixed>|\WP_Error Saved settings for the browser, or per-field errors.
	 */
	public static function update( array $input ) {
		$next   = array_merge( self::defaults(), (array) get_option( self::OPTION, array() ) );
		$errors = array();
		$locked = self::locked();
		foreach ( array_keys( Settings_Fields::FIELDS ) as $key ) {
			if ( ! array_key_exists( $key, $input ) || in_array( $key, $locked, true ) ) {
				continue;
			}
			$value = call_user_func( Settings_Fields::validator( $key ), $input[ $key ], $key );
			if ( is_wp_error( $value ) ) {
				$errors[ $key ] = $value->get_error_message();
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
		update_option( self::OPTION, $next, true );
		// The admin has now seen and saved the settings an upgrade reset.
		delete_option( Settings_Upgrade::RESET_OPTION );
		Setup_Credentials::forget_if_retargeted();
		// A new bridge URL, or an admin checking a repaired bridge, is asked afresh.
		delete_transient( Bridge_Health::HEALTH_TRANSIENT );
		Bridge_Client::refresh_site_config();
		return self::for_browser();
	}
}
