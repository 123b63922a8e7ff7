<?php
/**
 * CLI test (php plugin/tests/test-ticket-seal.php): sealed tickets, opened as the bridge sealed
 * them (fixtures/ticket-seal.json, the same vectors as contract/test/ticket-seal.test.ts), and
 * taken once, in time, for this site only.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require(
	array(
		'bridge/class-bridge-client',
		'bridge/class-replay-guard',
		'bridge/class-signature',
		'bridge/class-ticket-seal',
		'settings/class-settings',
		'settings/class-settings-fields',
	)
);
require __DIR__ . '/site-stand-ins.php';

use LogtoBridge\Ticket_Seal;

$logto_bridge_seal = logto_bridge_fixture( 'ticket-seal.json' );
$logto_bridge_v    = $logto_bridge_seal['vectors'][0];
define( 'LOGTO_BRIDGE_SECRET', $logto_bridge_v['secret'] );

/**
 * Stands in for $wpdb: INSERT IGNORE of a row that exists inserts nothing.
 */
class Logto_Bridge_Rows {
	/**
	 * Option names inserted.
	 *
	 * @var array<string,bool>
	 */
	public $rows = array();

	/**
	 * Table name.
	 *
	 * @var string
	 */
	public $options = 'wp_options';

	/**
	 * Stand-in.
	 *
	 * @param string $query SQL with %s and %d.
	 * @param mixed  ...$args Values.
	 * @return string
	 */
	public function prepare( $query, ...$args ) {
		return vsprintf( str_replace( '%s', "'%s'", $query ), $args );
	}

	/**
	 * Stand-in: counts an INSERT of a new name as 1 row.
	 *
	 * @param string $sql SQL.
	 * @return int
	 */
	public function query( $sql ) {
		if ( ! preg_match( "/^INSERT IGNORE .* VALUES \('([^']+)'/", $sql, $m ) ) {
			return 0;
		}
		if ( isset( $this->rows[ $m[1] ] ) ) {
			return 0;
		}
		$this->rows[ $m[1] ] = true;
		return 1;
	}
}
// phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the stand-in database.
$wpdb = new Logto_Bridge_Rows();

/**
 * A ticket sealed here as the bridge seals it, with `$content` changed as given.
 *
 * @param array<string,mixed> $changes Fields over the vector's content.
 * @param string              $secret  Secret to seal with.
 * @return string
 */
function logto_bridge_sealed( $changes, $secret = LOGTO_BRIDGE_SECRET ) {
	global $logto_bridge_v;
	$content = array_merge( $logto_bridge_v['content'], $changes );
	$nonce   = random_bytes( 12 );
	$key     = hash_hmac( 'sha256', Ticket_Seal::INFO, $secret, true );
	$plain   = (string) wp_json_encode( $content );
	$sealed  = sodium_crypto_aead_chacha20poly1305_ietf_encrypt( $plain, Ticket_Seal::PREFIX, $nonce, $key );
	return 's1.' . rtrim( strtr( base64_encode( $nonce . $sealed ), '+/', '-_' ), '=' );
}

// The contract's own values and vectors.
logto_bridge_check(
	array( 'sealed-v1', 's1', 'logto-bridge ticket seal v1', 120, '/' . $logto_bridge_seal['pattern'] . '/' )
		=== array(
			Ticket_Seal::FORMAT,
			Ticket_Seal::PREFIX,
			Ticket_Seal::INFO,
			Ticket_Seal::LIFETIME,
			Ticket_Seal::PATTERN,
		),
	'format, prefix, key info, lifetime and pattern are the fixture’s'
);
logto_bridge_check(
	Ticket_Seal::open( $logto_bridge_v['ticket'], $logto_bridge_v['secret'] ) === $logto_bridge_v['content'],
	'the bridge’s sealed vector opens to its content'
);
foreach ( $logto_bridge_seal['refused'] as $logto_bridge_refused ) {
	$logto_bridge_secret = $logto_bridge_refused['secret'] ?? $logto_bridge_v['secret'];
	logto_bridge_check(
		null === Ticket_Seal::open( $logto_bridge_refused['ticket'], $logto_bridge_secret ),
		'refused: ' . $logto_bridge_refused['why']
	);
}

logto_bridge_check(
	Ticket_Seal::spent_key( $logto_bridge_seal['pair']['ticket'] ) === $logto_bridge_seal['pair']['jti'],
	'the key of a stored ticket is the jti the bridge seals next to it'
);

// Taken once, in time.
$logto_bridge_fresh = array(
	'exp' => time() + 100,
	'jti' => str_repeat( 'a', 42 ) . 'Z',
);
$logto_bridge_ok    = logto_bridge_sealed( $logto_bridge_fresh );
$logto_bridge_taken = Ticket_Seal::redeem( $logto_bridge_ok );
logto_bridge_check(
	is_array( $logto_bridge_taken ) && 'abc123' === $logto_bridge_taken['claims']['sub']
		&& ! isset( $logto_bridge_taken['jti'] ),
	'a fresh ticket gives the sign-in, without its own fields'
);
logto_bridge_check(
	null === Ticket_Seal::redeem( $logto_bridge_ok ),
	'the same ticket again (a replayed link) gives nothing'
);
logto_bridge_check(
	null === Ticket_Seal::redeem( logto_bridge_sealed( $logto_bridge_fresh ) ),
	'another seal of a spent jti gives nothing'
);
logto_bridge_check(
	null === Ticket_Seal::redeem(
		logto_bridge_sealed(
			array(
				'exp' => time() - 1,
				'jti' => str_repeat( 'b', 43 ),
			)
		)
	),
	'an expired ticket gives nothing'
);
logto_bridge_check(
	null === Ticket_Seal::redeem(
		logto_bridge_sealed(
			array(
				'exp' => time() + 3600,
				'jti' => str_repeat( 'c', 43 ),
			)
		)
	),
	'a ticket valid for an hour (a clock far off, or forged lifetime) gives nothing'
);
logto_bridge_check(
	null === Ticket_Seal::redeem( logto_bridge_sealed( array( 'jti' => 'short' ) + $logto_bridge_fresh ) ),
	'a ticket without a proper jti gives nothing'
);
logto_bridge_check(
	null === Ticket_Seal::redeem(
		logto_bridge_sealed(
			array( 'jti' => str_repeat( 'd', 43 ) ) + $logto_bridge_fresh,
			'another-secret-0123456789abcdef-0123'
		)
	),
	'a ticket sealed with another secret (another site’s bridge) gives nothing'
);
logto_bridge_check(
	null === Ticket_Seal::redeem(
		logto_bridge_sealed(
			array(
				'claims' => array( 'phone_number' => '1' ),
				'jti'    => str_repeat( 'e', 43 ),
			) + $logto_bridge_fresh
		)
	),
	'a ticket outside the contract (no sub) gives nothing'
);

logto_bridge_report();
