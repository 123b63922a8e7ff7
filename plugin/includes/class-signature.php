<?php
/**
 * HMAC signatures of server-to-server requests between WordPress and the bridge.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `X-Logto-Bridge-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t . "." . body)>`.
 */
final class Signature {

	const HEADER   = 'X-Logto-Bridge-Signature';
	const MAX_SKEW = 300;

	/**
	 * Signs a body.
	 *
	 * @param string   $secret    Shared secret.
	 * @param string   $body      Exact request body.
	 * @param int|null $timestamp Unix time; now by default.
	 * @return string Header value.
	 */
	public static function sign( $secret, $body, $timestamp = null ) {
		$timestamp = null === $timestamp ? time() : (int) $timestamp;
		return 't=' . $timestamp . ',v1=' . hash_hmac( 'sha256', $timestamp . '.' . $body, $secret );
	}

	/**
	 * Verifies a header in constant time, within the skew window.
	 *
	 * @param string   $secret Shared secret.
	 * @param string   $header Header value.
	 * @param string   $body   Exact request body.
	 * @param int|null $now    Unix time; now by default.
	 * @return bool
	 */
	public static function verify( $secret, $header, $body, $now = null ) {
		if ( '' === (string) $secret || ! is_string( $header ) || ! preg_match( '/^t=(\d{1,12}),v1=([0-9a-f]{64})$/', trim( $header ), $m ) ) {
			return false;
		}
		$now = null === $now ? time() : (int) $now;
		if ( abs( $now - (int) $m[1] ) > self::MAX_SKEW ) {
			return false;
		}
		return hash_equals( hash_hmac( 'sha256', $m[1] . '.' . $body, $secret ), $m[2] );
	}
}
