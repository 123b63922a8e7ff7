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
	logto_bridge_check(
		Signature::sign( $secret, $v['method'], $v['path'], $v['body'], $v['timestamp'], $v['nonce'] ) === $v['header'],
		"vector $i signs to the shared header"
	);
	logto_bridge_check(
		Signature::verify(
			$secret,
			$v['header'],
			$v['method'],
			$v['path'],
			$v['body'],
			$v['timestamp'] + $edge
		) === $v['nonce'],
		"vector $i verifies at the edge of the window, giving its nonce"
	);
	logto_bridge_check(
		false === Signature::verify(
			$secret,
			$v['header'],
			$v['method'],
			$v['path'],
			$v['body'],
			$v['timestamp'] + $edge + 1
		),
		"vector $i is stale past the window"
	);
	logto_bridge_check(
		false === Signature::verify(
			$secret,
			$v['header'],
			$v['method'],
			$v['path'],
			$v['body'] . ' ',
			$v['timestamp']
		),
		"vector $i refuses a changed body"
	);
	logto_bridge_check(
		false === Signature::verify( $secret, $v['header'], 'PUT', $v['path'], $v['body'], $v['timestamp'] ),
		"vector $i refuses another method"
	);
	logto_bridge_check(
		false === Signature::verify(
			$secret,
			$v['header'],
			$v['method'],
			$v['path'] . 'x',
			$v['body'],
			$v['timestamp']
		),
		"vector $i refuses another route"
	);
	logto_bridge_check(
		false === Signature::verify(
			$secret . 'x',
			$v['header'],
			$v['method'],
			$v['path'],
			$v['body'],
			$v['timestamp']
		),
		"vector $i refuses another secret"
	);
}
logto_bridge_check(
	false === Signature::verify( $secret, '', 'GET', '/readyz', '', time() ),
	'a missing header is refused'
);
logto_bridge_check(
	false === Signature::verify( '', Signature::sign( '', 'GET', '/readyz', '' ), 'GET', '/readyz', '' ),
	'an empty secret never verifies'
);
logto_bridge_check(
	1 === preg_match(
		'/^[A-Za-z0-9_-]{22}$/',
		Signature::new_nonce()
	) && Signature::new_nonce() !== Signature::new_nonce(),
	'nonces are 16 random bytes, base64url'
);

logto_bridge_report();
