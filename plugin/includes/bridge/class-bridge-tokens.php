<?php
/**
 * The bridge's checks of Logto access tokens.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Tokens sent to the site by apps, verified by the bridge (where jose and Logto's JWKS are): no
 * JWT or ECDSA code in PHP. Each call is HMAC-signed both ways (Bridge_Client::signed_request).
 */
final class Bridge_Tokens {

	/**
	 * A Logto access token checked by the bridge (signature, issuer, audience, expiry, scopes).
	 *
	 * @param string $token The bearer token.
	 * @return array{sub: string, scopes: string[], exp: int, clientId: string|null}|\WP_Error The token's facts; or
	 *         `invalid_token`, `insufficient_scope`, or the bridge unreachable.
	 */
	public static function verify( $token ) {
		$data = self::post( 'tokensVerify', array( 'token' => $token ), 5 );
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		if ( isset( $data['sub'], $data['exp'] ) && is_string( $data['sub'] ) && is_array( $data['scopes'] ?? null ) ) {
			return array(
				'sub'      => $data['sub'],
				'scopes'   => $data['scopes'],
				'exp'      => (int) $data['exp'],
				'clientId' => is_string( $data['clientId'] ?? null ) ? $data['clientId'] : null,
			);
		}
		return self::refused( 200 );
	}

	/**
	 * The app's own sign-in, checked by the bridge: the access token (as verify()) and the
	 * userinfo token Logto gave the app, which must answer for the same subject.
	 *
	 * @param string $token          The access token for this site's API resource.
	 * @param string $userinfo_token The app's token for Logto's userinfo.
	 * @return array{sub: string, claims: array<string,mixed>, clientId: string|null}|\WP_Error The account's claims;
	 *         or `invalid_token`, `insufficient_scope`, or the bridge unreachable.
	 */
	public static function app_account( $token, $userinfo_token ) {
		$data = self::post(
			'tokensAccount',
			array(
				'token'          => $token,
				'userinfo_token' => $userinfo_token,
			),
			10
		);
		if ( is_wp_error( $data ) ) {
			return $data;
		}
		if ( isset( $data['sub'], $data['claims']['sub'] ) && $data['sub'] === $data['claims']['sub'] ) {
			return array(
				'sub'      => (string) $data['sub'],
				'claims'   => $data['claims'],
				'clientId' => is_string( $data['clientId'] ?? null ) ? $data['clientId'] : null,
			);
		}
		return self::refused( 200 );
	}

	/**
	 * A signed call to the bridge: its 200 answer as an array, or why not.
	 *
	 * @param string              $route   Key of Bridge_Client::ROUTES.
	 * @param array<string,mixed> $payload The JSON body.
	 * @param int                 $timeout Seconds.
	 * @return array<string,mixed>|\WP_Error
	 */
	private static function post( $route, array $payload, $timeout ) {
		$response = Bridge_Client::signed_request( 'POST', $route, (string) wp_json_encode( $payload ), $timeout );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$data   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return 200 === $status && is_array( $data ) ? $data : self::refused( $status );
	}

	/**
	 * The refusal for a bridge status: 403 is a missing scope, anything else a bad token.
	 *
	 * @param int $status HTTP status from the bridge.
	 * @return \WP_Error
	 */
	private static function refused( $status ) {
		return new \WP_Error( 403 === $status ? 'insufficient_scope' : 'invalid_token', 'access token refused' );
	}
}
