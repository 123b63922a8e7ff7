<?php
/**
 * The plugin's settings: defaults, wp-config constants that win, validation and the shapes
 * sent to the browser and to the bridge.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Reads and writes the `logto_bridge_settings` option.
 */
final class Settings {

	const OPTION        = 'logto_bridge_settings';
	const SECRET_OPTION = 'logto_bridge_secret';

	/**
	 * Settings that a wp-config.php constant can define (and then lock).
	 *
	 * @var array<string,string>
	 */
	const CONSTANTS = array(
		'endpoint'   => 'LOGTO_ENDPOINT',
		'app_id'     => 'LOGTO_APP_ID',
		'app_secret' => 'LOGTO_APP_SECRET',
		'bridge_url' => 'LOGTO_BRIDGE_URL',
	);

	const LOGIN_MODES = array( 'redirect', 'buttons', 'phone' );

	/**
	 * Logto's extra authorization params offered here, each with the values Logto accepts
	 * (fixtures/logto-extra-params.json holds them for the bridge and the idp too).
	 *
	 * @var array<string,string>
	 */
	const EXTRA_PARAM_PATTERNS = array(
		'first_screen'    => '/^(sign_in|register|reset_password|identifier:sign_in|identifier:register|single_sign_on)$/',
		'identifier'      => '/^(username|email|phone)( (username|email|phone))*$/',
		'direct_sign_in'  => '/^(social|sso):[\w.-]+$/',
		'organization_id' => '/^[\w-]{1,64}$/',
		'ui_locales'      => '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$/',
	);

	/**
	 * Values of a fresh install.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults() {
		return array(
			'endpoint'            => '',
			'app_id'              => '',
			'app_secret'          => '',
			'bridge_url'          => '',
			'scopes'              => 'openid profile email phone roles',
			'extra_params'        => array(),
			'login_mode'          => 'buttons',
			'allow_password'      => true,
			'create_users'        => true,
			'default_role'        => 'subscriber',
			'link_by_email'       => false,
			'link_by_phone'       => false,
			'allow_admin_linking' => false,
			'role_mapping'        => array(),
			'sync_profile'        => true,
			'redirect_after'      => '',
		);
	}

	/**
	 * Effective settings: stored values over defaults, constants over both.
	 *
	 * @return array<string,mixed>
	 */
	public static function get() {
		$stored   = get_option( self::OPTION, array() );
		$settings = array_merge( self::defaults(), is_array( $stored ) ? $stored : array() );
		foreach ( self::CONSTANTS as $key => $constant ) {
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
		$locked = array();
		foreach ( self::CONSTANTS as $key => $constant ) {
			if ( defined( $constant ) ) {
				$locked[] = $key;
			}
		}
		return $locked;
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
	 * What the settings screen may see: never the app secret, only whether it is set.
	 *
	 * @return array<string,mixed>
	 */
	public static function for_browser() {
		$s                   = self::get();
		$s['app_secret_set'] = '' !== $s['app_secret'];
		unset( $s['app_secret'] );
		$s['locked']         = self::locked();
		$bridge              = untrailingslashit( (string) $s['bridge_url'] );
		$s['uris']           = array(
			'redirect'     => '' === $bridge ? '' : $bridge . '/callback',
			'post_sign_out' => '' === $bridge ? '' : $bridge . '/sign-out/callback',
			'backchannel'  => '' === $bridge ? '' : $bridge . '/backchannel-logout',
		);
		$s['bridge_secret_from_constant'] = defined( 'LOGTO_BRIDGE_SECRET' );
		return $s;
	}

	/**
	 * What the bridge needs (GET bridge-config), in the bridge's field names.
	 *
	 * @return array<string,mixed>
	 */
	public static function for_bridge() {
		$s       = self::get();
		$origins = array_values(
			array_unique(
				array_filter(
					array( self::origin( home_url( '/' ) ), self::origin( site_url( '/' ) ), self::origin( admin_url( '/' ) ) )
				)
			)
		);
		return array(
			'endpoint'             => untrailingslashit( (string) $s['endpoint'] ),
			'appId'                => (string) $s['app_id'],
			'appSecret'            => (string) $s['app_secret'],
			'scopes'               => (string) $s['scopes'],
			'extraParams'          => (object) $s['extra_params'],
			'siteUrl'              => home_url( '/' ),
			'allowedReturnOrigins' => $origins,
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
		$current = array_merge( self::defaults(), (array) get_option( self::OPTION, array() ) );
		$errors  = array();
		$next    = $current;
		$locked  = self::locked();

		foreach ( array( 'endpoint', 'bridge_url' ) as $key ) {
			if ( ! array_key_exists( $key, $input ) || in_array( $key, $locked, true ) ) {
				continue;
			}
			$value = trim( (string) $input[ $key ] );
			if ( '' !== $value && ( ! wp_http_validate_url( $value ) && ! self::is_loopback_url( $value ) ) ) {
				/* translators: %s: a field label. */
				$errors[ $key ] = sprintf( __( '%s must be a full http(s) URL.', 'logto-bridge' ), 'endpoint' === $key ? __( 'Logto endpoint', 'logto-bridge' ) : __( 'Bridge URL', 'logto-bridge' ) );
				continue;
			}
			$next[ $key ] = untrailingslashit( esc_url_raw( $value, array( 'http', 'https' ) ) );
		}
		if ( array_key_exists( 'app_id', $input ) && ! in_array( 'app_id', $locked, true ) ) {
			$next['app_id'] = sanitize_text_field( (string) $input['app_id'] );
			if ( '' !== $next['app_id'] && ! preg_match( '/^[A-Za-z0-9_-]{1,128}$/', $next['app_id'] ) ) {
				$errors['app_id'] = __( 'The App ID contains characters Logto never uses.', 'logto-bridge' );
			}
		}
		// Write-only: an empty or absent value keeps the saved secret.
		if ( isset( $input['app_secret'] ) && '' !== trim( (string) $input['app_secret'] ) && ! in_array( 'app_secret', $locked, true ) ) {
			$next['app_secret'] = trim( (string) $input['app_secret'] );
		}
		if ( array_key_exists( 'scopes', $input ) ) {
			$scopes = preg_split( '/\s+/', trim( (string) $input['scopes'] ) );
			$scopes = array_values( array_unique( array_filter( (array) $scopes ) ) );
			if ( ! in_array( 'openid', $scopes, true ) ) {
				$errors['scopes'] = __( 'Scopes must include openid.', 'logto-bridge' );
			} elseif ( preg_grep( '/[^A-Za-z0-9:_.-]/', $scopes ) ) {
				$errors['scopes'] = __( 'Scopes are words separated by spaces.', 'logto-bridge' );
			} else {
				$next['scopes'] = implode( ' ', $scopes );
			}
		}
		if ( array_key_exists( 'extra_params', $input ) ) {
			$params = self::validate_extra_params( $input['extra_params'] );
			if ( is_wp_error( $params ) ) {
				$errors['extra_params'] = $params->get_error_message();
			} else {
				$next['extra_params'] = $params;
			}
		}
		if ( array_key_exists( 'login_mode', $input ) ) {
			if ( in_array( $input['login_mode'], self::LOGIN_MODES, true ) ) {
				$next['login_mode'] = $input['login_mode'];
			} else {
				$errors['login_mode'] = __( 'Choose redirect, buttons or phone.', 'logto-bridge' );
			}
		}
		foreach ( array( 'allow_password', 'create_users', 'link_by_email', 'link_by_phone', 'allow_admin_linking', 'sync_profile' ) as $key ) {
			if ( array_key_exists( $key, $input ) ) {
				$next[ $key ] = (bool) rest_sanitize_boolean( $input[ $key ] );
			}
		}
		$roles = array_keys( wp_roles()->get_names() );
		if ( array_key_exists( 'default_role', $input ) ) {
			if ( in_array( $input['default_role'], $roles, true ) && 'administrator' !== $input['default_role'] ) {
				$next['default_role'] = $input['default_role'];
			} else {
				$errors['default_role'] = __( 'Choose an existing role other than Administrator.', 'logto-bridge' );
			}
		}
		if ( array_key_exists( 'role_mapping', $input ) ) {
			$mapping = array();
			foreach ( (array) $input['role_mapping'] as $row ) {
				$logto = sanitize_text_field( (string) ( $row['logto_role'] ?? '' ) );
				$wp    = (string) ( $row['wp_role'] ?? '' );
				if ( '' === $logto && '' === $wp ) {
					continue;
				}
				if ( '' === $logto || ! in_array( $wp, $roles, true ) ) {
					$errors['role_mapping'] = __( 'Each role mapping row needs a Logto role and an existing WordPress role.', 'logto-bridge' );
					break;
				}
				$mapping[] = array(
					'logto_role' => $logto,
					'wp_role'    => $wp,
				);
			}
			$next['role_mapping'] = $mapping;
		}
		if ( array_key_exists( 'redirect_after', $input ) ) {
			$value = trim( (string) $input['redirect_after'] );
			if ( '' !== $value && wp_validate_redirect( $value, '' ) === '' && wp_validate_redirect( home_url( $value ), '' ) === '' ) {
				$errors['redirect_after'] = __( 'Redirect after sign-in must be a page of this site.', 'logto-bridge' );
			} else {
				$next['redirect_after'] = esc_url_raw( $value );
			}
		}

		if ( $errors ) {
			return new \WP_Error( 'logto_bridge_invalid_settings', __( 'Some settings are invalid; nothing was saved.', 'logto-bridge' ), array( 'status' => 400, 'fields' => $errors ) );
		}
		update_option( self::OPTION, $next, true );
		return self::for_browser();
	}

	/**
	 * Logto extra params with Logto's allowed values: one invalid param makes Logto drop them all.
	 *
	 * @param mixed $raw name => value pairs.
	 * @return array<string,string>|\WP_Error
	 */
	public static function validate_extra_params( $raw ) {
		$params = array();
		foreach ( (array) $raw as $name => $value ) {
			$value = trim( (string) $value );
			if ( '' === $value ) {
				continue;
			}
			$pattern = self::EXTRA_PARAM_PATTERNS[ (string) $name ] ?? null;
			$ok      = null !== $pattern && (bool) preg_match( $pattern, $value );
			if ( ! $ok ) {
				/* translators: %s: the parameter name. */
				return new \WP_Error( 'invalid_extra_param', sprintf( __( 'The extra parameter %s has a value Logto does not accept.', 'logto-bridge' ), sanitize_key( (string) $name ) ) );
			}
			$params[ (string) $name ] = $value;
		}
		return $params;
	}

	/**
	 * Development URLs on 127.0.0.1 or localhost, which wp_http_validate_url refuses.
	 *
	 * @param string $url URL.
	 * @return bool
	 */
	private static function is_loopback_url( $url ) {
		return (bool) preg_match( '#^https?://(127\.\d+\.\d+\.\d+|localhost)(:\d+)?(/.*)?$#', $url );
	}
}
