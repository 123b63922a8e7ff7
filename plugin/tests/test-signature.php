<?php
/**
 * CLI test (php plugin/tests/test-signature.php): the PHP signer agrees with the shared
 * vectors in fixtures/hmac-vectors.json, which the bridge's TypeScript tests assert too.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
require dirname( __DIR__ ) . '/includes/class-signature.php';

use LogtoBridge\Signature;

$fixture = logto_bridge_fixture( 'hmac-vectors.json' );

foreach ( $fixture['vectors'] as $i => $v ) {
	logto_bridge_check( Signature::sign( $fixture['secret'], $v['body'], $v['timestamp'] ) === $v['header'], "vector $i signs to the shared header" );
	logto_bridge_check( Signature::verify( $fixture['secret'], $v['header'], $v['body'], $v['timestamp'] + $fixture['maxSkewSeconds'] ), "vector $i verifies at the edge of the window" );
	logto_bridge_check( ! Signature::verify( $fixture['secret'], $v['header'], $v['body'], $v['timestamp'] + $fixture['maxSkewSeconds'] + 1 ), "vector $i is stale past the window" );
	logto_bridge_check( ! Signature::verify( $fixture['secret'], $v['header'], $v['body'] . ' ', $v['timestamp'] ), "vector $i refuses a changed body" );
	logto_bridge_check( ! Signature::verify( $fixture['secret'] . 'x', $v['header'], $v['body'], $v['timestamp'] ), "vector $i refuses another secret" );
}
logto_bridge_check( ! Signature::verify( $fixture['secret'], '', '', time() ), 'a missing header is refused' );
logto_bridge_check( ! Signature::verify( '', Signature::sign( '', '' ), '' ), 'an empty secret never verifies' );

logto_bridge_report();
