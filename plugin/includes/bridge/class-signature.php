<?php
/**
 * HMAC signatures of server-to-server messages between WordPress and the bridge.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `X-Logto-Bridge-Signature: t=<unix seconds>,n=<nonce>,v1=<hex HMAC-SHA256(secret, method \n path \n t \n n \n body)>`
 * (fixtures/hmac-vectors.json). A response is signed with method `RESPONSE`, its request's
 * path and its request's nonce, so it answers exactly that request.
 */
final class Signature {

	const HEADER   = 'X-Logto-Bridge-Signature';
	const MAX_SKEW = 300;
	const RESPONSE = 'RESPONSE';

	/**
	 * Signs a message.
	 *
	 * @param string      $secret    Shared secret.
	 * @param string      $method    HTTP method, or RESPONSE.
	 * @param string      $path      Bridge route (`/tickets/redeem`) or REST route (`/logto-bridge/v1/site-config`).
	 * @param string      $body      Exact body.
	 * @param int|null    $timestamp Unix time; now by default.
	 * @param string|null $nonce     A fresh random one by default; a response reuses its request's.
	 * @return string Header value.
	 */
	public static function sign( $secret, $method, $path, $body, $timestamp = null, $nonce = null ) {
		$timestamp = null === $timestamp ? time() : (int) $timestamp;
		$nonce     = null === $nonce ? self::new_nonce() : (string) $nonce;
		$mac       = hash_hmac( 'sha256', self::input( $method, $path, $timestamp, $nonce, $body ), $secret );
		return 't=' . $timestamp . ',n=' . $nonce . ',v1=' . $mac;
	}

	/**
	 * The time a header says it was signed at, or null when it is not a signature header.
	 *
	 * @param string $header Header value.
	 * @return int|null
	 */
	public static function timestamp( $header ) {
		return is_string( $header ) && preg_match( '/^t=(\d{1,12}),/', trim( $header ), $m ) ? (int) $m[1] : null;
	}

	/**
	 * Verifies a header in constant time, within the skew window.
	 *
	 * @param string   $secret Shared secret.
	 * @param string   $header Header value.
	 * @param string   $method HTTP method, or RESPONSE.
	 * @param string   $path   Route the message was for.
	 * @param string   $body   Exact body.
	 * @param int|null $now    Unix time; now by default.
	 * @return string|false The nonce (for the replay guard), or false.
	 */
	public static function verify( $secret, $header, $method, $path, $body, $now = null ) {
		if ( '' === (string) $secret
			|| ! is_string( $header )
			|| ! preg_match( '/^t=(\d{1,12}),n=([A-Za-z0-9_-]{16,64}),v1=([0-9a-f]{64})$/', trim( $header ), $m )
		) {
			return false;
		}
		$now = null === $now ? time() : (int) $now;
		if ( abs( $now - (int) $m[1] ) > self::MAX_SKEW ) {
			return false;
		}
		$expected = hash_hmac( 'sha256', self::input( $method, $path, $m[1], $m[2], $body ), $secret );
		return hash_equals( $expected, $m[3] ) ? $m[2] : false;
	}

	/**
	 * 16 random bytes, base64url.
	 *
	 * @return string
	 */
	public static function new_nonce() {
		// Base64url of random bytes, the signature format's nonce.
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode
		return rtrim( strtr( base64_encode( random_bytes( 16 ) ), '+/', '-_' ), '=' );
	}

	/**
	 * What the HMAC covers.
	 *
	 * @param string     $method    Method.
	 * @param string     $path      Route.
	 * @param int|string $timestamp Unix time.
	 * @param string     $nonce     Nonce.
	 * @param string     $body      Body.
	 * @return string
	 */
	private static function input( $method, $path, $timestamp, $nonce, $body ) {
		return $method . "\n" . $path . "\n" . $timestamp . "\n" . $nonce . "\n" . $body;
	}
}
