<?php
/**
 * Sealed tickets: the sign-in the bridge hands over, opened here without a call back to it.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Opens what the bridge sealed (fixtures/ticket-seal.json): ChaCha20-Poly1305 IETF under a key
 * derived from the shared secret, through sodium (PHP's extension, or the sodium_compat
 * WordPress ships). A ticket is taken only when it opens with this site's secret, is of the
 * contract, has not expired and its jti has never been spent here. The jti is the stored
 * ticket it travels with, hashed (spent_key()): whichever of the two WordPress is given, the
 * pair is spent, so neither works after the other.
 */
final class Ticket_Seal {

	const FORMAT   = 'sealed-v1';
	const PREFIX   = 's1';
	const INFO     = 'logto-bridge ticket seal v1';
	const LIFETIME = 120;
	const PATTERN  = '/^s1\.[A-Za-z0-9_-]{40,16000}$/';

	/**
	 * Whether this site can open sealed tickets (sodium: PHP's, or WordPress's sodium_compat).
	 *
	 * @return bool
	 */
	public static function available() {
		return function_exists( 'sodium_crypto_aead_chacha20poly1305_ietf_decrypt' );
	}

	/**
	 * The single-use key of a stored ticket and of the sealed one sent with it.
	 *
	 * @param string $stored_ticket The 43-character ticket.
	 * @return string
	 */
	public static function spent_key( $stored_ticket ) {
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- base64url of a hash.
		return rtrim( strtr( base64_encode( hash( 'sha256', $stored_ticket, true ) ), '+/', '-_' ), '=' );
	}

	/**
	 * Spends a ticket pair by its key; false when it was spent before (a replayed link).
	 *
	 * @param string $key spent_key() of the stored ticket (the sealed one's jti).
	 * @return bool
	 */
	public static function spend( $key ) {
		return Replay_Guard::first_use( 'ticket:' . $key );
	}

	/**
	 * The content of a sealed ticket, or null when it was not sealed with `$secret` or was changed.
	 *
	 * @param string $ticket From the query.
	 * @param string $secret The shared secret.
	 * @return array<string,mixed>|null
	 */
	public static function open( $ticket, $secret ) {
		if ( ! self::available() || ! preg_match( self::PATTERN, $ticket ) ) {
			return null;
		}
		// phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_decode -- base64url of ciphertext.
		$raw = base64_decode( strtr( substr( $ticket, strlen( self::PREFIX ) + 1 ), '-_', '+/' ), true );
		if ( false === $raw || strlen( $raw ) < 12 + 16 ) {
			return null;
		}
		$key   = hash_hmac( 'sha256', self::INFO, $secret, true );
		$nonce = substr( $raw, 0, 12 );
		try {
			$plain = sodium_crypto_aead_chacha20poly1305_ietf_decrypt( substr( $raw, 12 ), self::PREFIX, $nonce, $key );
		} catch ( \Throwable $e ) {
			return null;
		}
		$content = false === $plain ? null : json_decode( $plain, true );
		return is_array( $content ) ? $content : null;
	}

	/**
	 * The sign-in a sealed ticket carries, once: null when it does not open, is outside the
	 * contract, has expired, or was spent before (a replayed link).
	 *
	 * @param string $ticket From the query.
	 * @return array<string,mixed>|null
	 */
	public static function redeem( $ticket ) {
		$content = self::open( $ticket, Settings::bridge_secret() );
		if ( null === $content || ! Bridge_Client::is_ticket_payload( $content ) ) {
			return null;
		}
		$expires = (int) ( $content['exp'] ?? 0 );
		$jti     = (string) ( $content['jti'] ?? '' );
		// Not expired, and not valid for longer than a ticket ever is (a clock far ahead on the bridge).
		if ( $expires < time() || $expires > time() + self::LIFETIME + Signature::MAX_SKEW ) {
			return null;
		}
		if ( ! preg_match( '/^[A-Za-z0-9_-]{43}$/', $jti ) || ! self::spend( $jti ) ) {
			return null;
		}
		unset( $content['exp'], $content['jti'] );
		return $content;
	}
}
