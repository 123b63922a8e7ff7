<?php
/**
 * Validation of each settings field: a clean value, null to keep the saved one, or a WP_Error
 * whose message the settings screen shows under the field.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One method per `validate` name of Settings_Fields::FIELDS (and one per JSON type).
 */
final class Settings_Validator {

	const LOGIN_MODES = array( 'redirect', 'buttons', 'phone' );

	/**
	 * A boolean field.
	 *
	 * @param mixed $value Submitted value.
	 * @return bool
	 */
	public static function boolean( $value ) {
		return (bool) rest_sanitize_boolean( $value );
	}

	/**
	 * The Logto endpoint or the bridge URL: a full http(s) URL, or empty.
	 *
	 * @param mixed  $value Submitted value.
	 * @param string $key   Field key.
	 * @return string|\WP_Error
	 */
	public static function url( $value, $key ) {
		$value = trim( (string) $value );
		if ( '' !== $value && ! self::is_http_url( $value ) ) {
			return new \WP_Error(
				'invalid',
				sprintf(
					/* translators: %s: a field label. */
					__( '%s must be a full http(s) URL.', 'logto-bridge' ),
					'endpoint' === $key ? __( 'Logto endpoint', 'logto-bridge' ) : __( 'Bridge URL', 'logto-bridge' )
				)
			);
		}
		if ( 'bridge_url' === $key && 0 === strpos( $value, 'http:' ) && ! self::is_loopback_url( $value ) ) {
			// Tickets, claims and the app secret travel between WordPress and the bridge.
			return new \WP_Error(
				'invalid',
				__(
					'The bridge URL must use https, unless the bridge runs on this server (127.0.0.1 or localhost): sign-in tickets and user data travel over it.',
					'logto-bridge'
				)
			);
		}
		return untrailingslashit( esc_url_raw( $value, array( 'http', 'https' ) ) );
	}

	/**
	 * The REST API's resource indicator in Logto: empty (the site's /wp-json) or an absolute URL.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function api_resource( $value ) {
		$value = trim( (string) $value );
		if ( '' !== $value && ! self::is_http_url( $value ) ) {
			return new \WP_Error(
				'invalid',
				__(
					'The API resource indicator must be a full http(s) URL, as registered in Logto Console > API resources.',
					'logto-bridge'
				)
			);
		}
		return untrailingslashit( $value );
	}

	/**
	 * A Logto app ID.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function app_id( $value ) {
		$value = sanitize_text_field( (string) $value );
		if ( '' !== $value && ! preg_match( '/^[A-Za-z0-9_-]{1,128}$/', $value ) ) {
			return new \WP_Error( 'invalid', __( 'The App ID contains characters Logto never uses.', 'logto-bridge' ) );
		}
		return $value;
	}

	/**
	 * A write-only secret: an empty value keeps the saved one.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|null
	 */
	public static function secret( $value ) {
		$value = trim( (string) $value );
		return '' === $value ? null : $value;
	}

	/**
	 * Scopes: words, openid among them.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function scopes( $value ) {
		$scopes = array_values(
			array_unique( array_filter( (array) preg_split( '/\s+/', trim( (string) $value ) ) ) )
		);
		if ( ! in_array( 'openid', $scopes, true ) ) {
			return new \WP_Error( 'invalid', __( 'Scopes must include openid.', 'logto-bridge' ) );
		}
		if ( preg_grep( '/[^A-Za-z0-9:_.-]/', $scopes ) ) {
			return new \WP_Error( 'invalid', __( 'Scopes are words separated by spaces.', 'logto-bridge' ) );
		}
		return implode( ' ', $scopes );
	}

	/**
	 * Logto extra params (Logto_Params has Logto's rules).
	 *
	 * @param mixed $raw name => value pairs.
	 * @return array<string,string>|\WP_Error
	 */
	public static function extra_params( $raw ) {
		return Logto_Params::validate( $raw );
	}

	/**
	 * How wp-login.php offers Logto.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function login_mode( $value ) {
		return in_array( $value, self::LOGIN_MODES, true )
			? $value
			: new \WP_Error( 'invalid', __( 'Choose redirect, buttons or phone.', 'logto-bridge' ) );
	}

	/**
	 * The apps allowed to use the REST API: client IDs, one a line (commas and spaces also separate).
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function api_clients( $value ) {
		$ids = self::client_ids( is_string( $value ) ? $value : '' );
		foreach ( $ids as $id ) {
			if ( ! preg_match( '/^[A-Za-z0-9_-]{1,128}$/', $id ) ) {
				return new \WP_Error(
					'invalid',
					sprintf(
						/* translators: %s: what was typed. */
						__( '"%s" is not an app ID: copy it from Logto Console > Applications.', 'logto-bridge' ),
						$id
					)
				);
			}
		}
		return implode( ', ', $ids );
	}

	/**
	 * The client IDs in a stored or typed list.
	 *
	 * @param string $value The list.
	 * @return string[]
	 */
	public static function client_ids( $value ) {
		return array_values( array_unique( array_filter( preg_split( '/[\s,]+/', $value ) ) ) );
	}

	/**
	 * The role of new users: any existing role but one that can run the site.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function default_role( $value ) {
		if ( in_array( $value, array_keys( wp_roles()->get_names() ), true )
			&& ! Roles::is_powerful( (string) $value )
		) {
			return $value;
		}
		return new \WP_Error(
			'invalid',
			__(
				'Choose an existing role other than Administrator (or any role that can change settings or give out roles).',
				'logto-bridge'
			)
		);
	}

	/**
	 * Logto role => WordPress role rows; empty rows are dropped.
	 *
	 * @param mixed $rows Submitted rows.
	 * @return array<int,array{logto_role: string, wp_role: string}>|\WP_Error
	 */
	public static function role_mapping( $rows ) {
		$roles   = array_keys( wp_roles()->get_names() );
		$mapping = array();
		foreach ( (array) $rows as $row ) {
			$logto = sanitize_text_field( (string) ( $row['logto_role'] ?? '' ) );
			$wp    = (string) ( $row['wp_role'] ?? '' );
			if ( '' === $logto && '' === $wp ) {
				continue;
			}
			if ( '' === $logto || ! in_array( $wp, $roles, true ) ) {
				return new \WP_Error(
					'invalid',
					__( 'Each role mapping row needs a Logto role and an existing WordPress role.', 'logto-bridge' )
				);
			}
			$mapping[] = array(
				'logto_role' => $logto,
				'wp_role'    => $wp,
			);
		}
		return $mapping;
	}

	/**
	 * Where to go after sign-in: a page of this site, or empty.
	 *
	 * @param mixed $value Submitted value.
	 * @return string|\WP_Error
	 */
	public static function redirect_after( $value ) {
		$value = trim( (string) $value );
		// A path is a page of this site; anything else must be a URL of this site (home_url() of
		// an absolute URL would put it in a path and let any site through).
		$absolute = 0 === strpos( $value, '/' ) && 0 !== strpos( $value, '//' ) ? home_url( $value ) : $value;
		if ( '' !== $value && '' === wp_validate_redirect( $absolute, '' ) ) {
			return new \WP_Error(
				'invalid',
				__( 'Redirect after sign-in must be a page of this site.', 'logto-bridge' )
			);
		}
		return esc_url_raw( $value );
	}

	/**
	 * A well-formed http(s) URL with a host and no credentials. Not wp_http_validate_url(): it
	 * also refuses private-network addresses and hosts this server cannot resolve right now,
	 * and a bridge or a Logto on the site's own network is a normal setup.
	 *
	 * @param string $url URL.
	 * @return bool
	 */
	public static function is_http_url( $url ) {
		$parts = wp_parse_url( $url );
		return is_array( $parts )
			&& isset( $parts['scheme'], $parts['host'] )
			&& in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true )
			&& (bool) preg_match( '/^[a-z0-9.\-\[\]:]+$/i', $parts['host'] )
			&& ! isset( $parts['user'] ) && ! isset( $parts['pass'] )
			&& ! preg_match( '/[\s<>"]/', $url );
	}

	/**
	 * Development URLs on 127.0.0.1 or localhost.
	 *
	 * @param string $url URL.
	 * @return bool
	 */
	private static function is_loopback_url( $url ) {
		return (bool) preg_match( '#^https?://(127\.\d+\.\d+\.\d+|localhost)(:\d+)?(/.*)?$#', $url );
	}
}
