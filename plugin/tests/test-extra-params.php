<?php
/**
 * CLI test (php plugin/tests/test-extra-params.php): Logto > Settings accepts and refuses the
 * extra params of fixtures/logto-extra-params.json, as the bridge and the idp do.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';

require dirname( __DIR__ ) . '/includes/settings/class-settings-validator.php';
require dirname( __DIR__ ) . '/includes/settings/class-logto-params.php';

use LogtoBridge\Settings_Validator;

$fixture = logto_bridge_fixture( 'logto-extra-params.json' );
$written = array_map(
	static function ( $source ) {
		return '/' . $source . '/';
	},
	$fixture['patterns']
);
logto_bridge_check(
	LogtoBridge\Logto_Params::PATTERNS === $written,
	'the extra params and their rules are those of fixtures/logto-extra-params.json'
);

foreach ( array( 'valid', 'invalid' ) as $kind ) {
	foreach ( $fixture[ $kind ] as $name => $values ) {
		foreach ( $values as $value ) {
			$result = Settings_Validator::extra_params( array( $name => $value ) );
			$ok     = 'valid' === $kind
				? array( $name => $value ) === $result
				: $result instanceof WP_Error && false !== strpos( $result->get_error_message(), $name );
			logto_bridge_check( $ok, "$kind $name=$value" );
		}
	}
}

logto_bridge_report();
