<?php
/**
 * CLI test (php plugin/tests/test-signature.php): the PHP signer agrees with the shared
 * vectors in fixtures/hmac-vectors.json, which the bridge's TypeScript tests assert too.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
require dirname( __DIR__ ) . '/includes/bridge/class-signature.php';

use LogtoBridge\Signature;

$fixture = logto_bridge_fixture( 'hmac-vectors.json' );
$secret  = $fixture['secret'];
$edge    = $fixture['maxSkewSeconds'];

foreach ( $fixture['vectors'] as $i => $v ) {
	// The vector verified with one thing changed: secret, method, route, body or clock.
	$verify = static function ( array $change ) use ( $secret, $v ) {
		$w = $change + array(
			'secret' => $secret,
			'method' => $v['method'],
			'path'   => $v['path'],
			'body'   => $v['body'],
			'now'    => $v['timestamp'],
		);
		return Signature::verify( $w['secret'], $v['header'], $w['method'], $w['path'], $w['body'], $w['now'] );
	};
	logto_bridge_check(
		Signature::sign( $secret, $v['method'], $v['path'], $v['body'], $v['timestamp'], $v['nonce'] ) === $v['header'],
		"vector $i signs to the shared header"
	);
	logto_bridge_check(
		$verify( array( 'now' => $v['timestamp'] + $edge ) ) === $v['nonce'],
		"vector $i verifies at the edge of the window, giving its nonce"
	);
	$stale = $verify( array( 'now' => $v['timestamp'] + $edge + 1 ) );
	logto_bridge_check( false === $stale, "vector $i is stale past the window" );
	logto_bridge_check( false === $verify( array( 'body' => $v['body'] . ' ' ) ), "vector $i refuses a changed body" );
	logto_bridge_check( false === $verify( array( 'method' => 'PUT' ) ), "vector $i refuses another method" );
	logto_bridge_check( false === $verify( array( 'path' => $v['path'] . 'x' ) ), "vector $i refuses another route" );
	logto_bridge_check( false === $verify( array( 'secret' => $secret . 'x' ) ), "vector $i refuses another secret" );
}
logto_bridge_check(
	false === Signature::verify( $secret, '', 'GET', '/readyz', '', time() ),
	'a missing header is refused'
);
logto_bridge_check(
	false === Signature::verify( '', Signature::sign( '', 'GET', '/readyz', '' ), 'GET', '/readyz', '' ),
	'an empty secret never verifies'
);
$logto_bridge_nonce_shape = 1 === preg_match( '/^[A-Za-z0-9_-]{22}$/', Signature::new_nonce() );
logto_bridge_check(
	$logto_bridge_nonce_shape && Signature::new_nonce() !== Signature::new_nonce(),
	'nonces are 16 random bytes, base64url'
);

logto_bridge_report();
