<?php
/**
 * CLI test (php plugin/tests/test-signature.php): the PHP signer agrees with the shared
 * vectors in fixtures/hmac-vectors.json, which the bridge's TypeScript tests assert too.
 *
 * @package LogtoBridge
 */

// Never over the web: outside the command line this file does nothing.
if ( 'cli' !== PHP_SAPI ) {
	exit;
}

define( 'ABSPATH', __DIR__ );
require dirname( __DIR__ ) . '/includes/class-signature.php';

use LogtoBridge\Signature;

$fixture = json_decode( (string) file_get_contents( dirname( __DIR__, 2 ) . '/fixtures/hmac-vectors.json' ), true );
$failed  = 0;
$passed  = 0;

/**
 * Records one assertion.
 *
 * @param bool   $ok   Outcome.
 * @param string $name What was checked.
 */
function logto_bridge_check( $ok, $name ) {
	global $failed, $passed;
	if ( $ok ) {
		++$passed;
	} else {
		++$failed;
		fwrite( STDERR, "not ok - $name\n" );
	}
}

foreach ( $fixture['vectors'] as $i => $v ) {
	logto_bridge_check( Signature::sign( $fixture['secret'], $v['body'], $v['timestamp'] ) === $v['header'], "vector $i signs to the shared header" );
	logto_bridge_check( Signature::verify( $fixture['secret'], $v['header'], $v['body'], $v['timestamp'] + $fixture['maxSkewSeconds'] ), "vector $i verifies at the edge of the window" );
	logto_bridge_check( ! Signature::verify( $fixture['secret'], $v['header'], $v['body'], $v['timestamp'] + $fixture['maxSkewSeconds'] + 1 ), "vector $i is stale past the window" );
	logto_bridge_check( ! Signature::verify( $fixture['secret'], $v['header'], $v['body'] . ' ', $v['timestamp'] ), "vector $i refuses a changed body" );
	logto_bridge_check( ! Signature::verify( $fixture['secret'] . 'x', $v['header'], $v['body'], $v['timestamp'] ), "vector $i refuses another secret" );
}
logto_bridge_check( ! Signature::verify( $fixture['secret'], '', '', time() ), 'a missing header is refused' );
logto_bridge_check( ! Signature::verify( '', Signature::sign( '', '' ), '' ), 'an empty secret never verifies' );

echo "$passed passed, $failed failed\n";
exit( $failed ? 1 : 0 );
