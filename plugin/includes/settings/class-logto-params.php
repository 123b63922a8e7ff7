<?php
/**
 * Logto's extra authorization params, with the values Logto accepts.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The extra params Logto > Settings offers. Their rules are written once in
 * fixtures/logto-extra-params.json (`patterns`); a PHP test keeps PATTERNS equal to them.
 */
final class Logto_Params {

	/**
	 * Each param's pattern, as in the fixture.
	 *
	 * @var array<string,string>
	 */
	const PATTERNS = array(
		'first_screen'    =>
			'/^(sign_in|register|reset_password|identifier:sign_in|identifier:register|single_sign_on)$/',
		'identifier'      => '/^(username|email|phone)( (username|email|phone))*$/',
		'direct_sign_in'  => '/^(social|sso):[\w.-]+$/',
		'organization_id' => '/^[\w-]{1,64}$/',
		'ui_locales'      => '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$/',
	);

	/**
	 * Logto extra params with Logto's allowed values: one invalid param makes Logto drop them all.
	 *
	 * @param mixed $raw name => value pairs.
	 * @return array<string,string>|\WP_Error
	 */
	public static function validate( $raw ) {
		$params = array();
		foreach ( (array) $raw as $name => $value ) {
			$value = trim( (string) $value );
			if ( '' === $value ) {
				continue;
			}
			$pattern = self::PATTERNS[ (string) $name ] ?? null;
			if ( null === $pattern || ! preg_match( $pattern, $value ) ) {
				return new \WP_Error(
					'invalid_extra_param',
					sprintf(
						/* translators: %s: the parameter name. */
						__( 'The extra parameter %s has a value Logto does not accept.', 'logto-bridge' ),
						sanitize_key( (string) $name )
					)
				);
			}
			$params[ (string) $name ] = $value;
		}
		return $params;
	}
}
