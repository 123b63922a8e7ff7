<?php
/**
 * Logins and names for new users that never expose a phone number or an email address.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A phone number is private data, not a username: it would show as the author slug, next to
 * comments, and in "unknown username" answers. New users get the Logto username, or a
 * neutral name derived from their Logto subject.
 */
final class User_Names {

	/**
	 * The Logto `username` when it is free, else `user-<8 hex of the sub's hash>`, never the
	 * phone digits or the email's local part.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @return string
	 */
	public static function login( array $claims ) {
		$username = sanitize_user( (string) ( $claims['username'] ?? '' ), true );
		if ( '' !== $username
			&& strlen( $username ) <= 60
			&& ! username_exists( $username )
			&& ! self::looks_like_contact( $username, $claims )
		) {
			return $username;
		}
		$base  = 'user-' . substr( self::digest( $claims ), 0, 8 );
		$login = $base;
		$n     = 1;
		while ( username_exists( $login ) ) {
			$login = $base . '-' . ( ++$n );
		}
		return $login;
	}

	/**
	 * The Logto `name`, then the `username`, else "Member 7F3A" (four hex digits of the sub's hash).
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @return string
	 */
	public static function display_name( array $claims ) {
		foreach ( array( 'name', 'username' ) as $claim ) {
			$value = sanitize_text_field( (string) ( $claims[ $claim ] ?? '' ) );
			if ( '' !== $value && ! self::looks_like_contact( $value, $claims ) ) {
				return $value;
			}
		}
		/* translators: %s: four letters and digits that tell members apart, e.g. 7F3A. */
		return sprintf( __( 'Member %s', 'logto-bridge' ), strtoupper( substr( self::digest( $claims ), 0, 4 ) ) );
	}

	/**
	 * First and last name from Logto's `given_name` and `family_name`, where present.
	 *
	 * @param array<string,mixed> $claims Verified claims.
	 * @return array<string,string> user fields for wp_insert_user / wp_update_user.
	 */
	public static function names( array $claims ) {
		$fields = array();
		foreach ( array(
			'given_name'  => 'first_name',
			'family_name' => 'last_name',
		) as $claim => $field ) {
			$value = sanitize_text_field( (string) ( $claims[ $claim ] ?? '' ) );
			if ( '' !== $value ) {
				$fields[ $field ] = $value;
			}
		}
		return $fields;
	}

	/**
	 * Whether a value is the user's phone digits or email: a Logto profile may hold either as a name.
	 *
	 * @param string              $value  Candidate.
	 * @param array<string,mixed> $claims Claims.
	 * @return bool
	 */
	private static function looks_like_contact( $value, array $claims ) {
		$digits = preg_replace( '/\D/', '', (string) ( $claims['phone_number'] ?? '' ) );
		if ( '' !== $digits && preg_replace( '/\D/', '', $value ) === $digits ) {
			return true;
		}
		return false !== strpos( $value, '@' );
	}

	/**
	 * Hex SHA-256 of the Logto subject: stable per account, reveals nothing about it.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @return string
	 */
	private static function digest( array $claims ) {
		return hash( 'sha256', 'logto-bridge:' . (string) ( $claims['sub'] ?? '' ) );
	}
}
