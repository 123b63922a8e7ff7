<?php
/**
 * CLI test (php plugin/tests/test-extra-params.php): Logto > Settings accepts and refuses the
 * extra params of fixtures/logto-extra-params.json, as the bridge and the idp do.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';

/**
 * The few WordPress pieces Settings::validate_extra_params() uses, stood in for outside WordPress.
 */
class WP_Error {
	/**
	 * Message.
	 *
	 * @var string
	 */
	private $message;

	/**
	 * Stand-in constructor.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 */
	public function __construct( $code, $message ) {
		$this->message = $message;
	}

	/**
	 * Stand-in.
	 *
	 * @return string
	 */
	public function get_error_message() {
		return $this->message;
	}
}

/**
 * Stand-in.
 *
 * @param string $text Text.
 * @return string
 */
function __( $text ) {
	return $text;
}

/**
 * Stand-in.
 *
 * @param string $key Key.
 * @return string
 */
function sanitize_key( $key ) {
	return preg_replace( '/[^a-z0-9_\-]/', '', strtolower( $key ) );
}

require dirname( __DIR__ ) . '/includes/class-settings.php';

use LogtoBridge\Settings;

$fixture = logto_bridge_fixture( 'logto-extra-params.json' );

foreach ( array( 'valid', 'invalid' ) as $kind ) {
	foreach ( $fixture[ $kind ] as $name => $values ) {
		foreach ( $values as $value ) {
			$result = Settings::validate_extra_params( array( $name => $value ) );
			$ok     = 'valid' === $kind
				? array( $name => $value ) === $result
				: $result instanceof WP_Error && false !== strpos( $result->get_error_message(), $name );
			logto_bridge_check( $ok, "$kind $name=$value" );
		}
	}
}

logto_bridge_report();
