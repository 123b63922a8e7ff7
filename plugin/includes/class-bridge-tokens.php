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
	 * @return array{sub: string, scopes: string[], exp: int}|\WP_Error `invalid_token`, `insufficient_scope`, or the bridge unreachable.
	 */
	public static function verify( $token ) {
		$response = Bridge_Client::signed_request( 'POST', 'tokensVerify', (string) wp_json_encode( array( 'token' => $token ) ), 5 );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$data   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( 200 === $status && is_array( $data ) && isset( $data['sub'], $data['exp'] ) && is_string( $data['sub'] ) && is_array( $data['scopes'] ?? null ) ) {
			return array(
				'sub'    => $data['sub'],
				'scopes' => $data['scopes'],
				'exp'    => (int) $data['exp'],
			);
		}
		return new \WP_Error( 403 === $status ? 'insufficient_scope' : 'invalid_token', 'access token refused' );
	}

	/**
	 * The app's own sign-in, checked by the bridge: the access token (as verify()) and the
	 * userinfo token Logto gave the app, which must answer for the same subject.
	 *
	 * @param string $token          The access token for this site's API resource.
	 * @param string $userinfo_token The app's token for Logto's userinfo.
	 * @return array{sub: string, claims: array<string,mixed>}|\WP_Error `invalid_token`, `insufficient_scope`, or the bridge unreachable.
	 */
	public static function app_account( $token, $userinfo_token ) {
		$body     = (string) wp_json_encode(
			array(
				'token'          => $token,
				'userinfo_token' => $userinfo_token,
			)
		);
		$response = Bridge_Client::signed_request( 'POST', 'tokensAccount', $body, 10 );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$data   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( 200 === $status && is_array( $data ) && isset( $data['sub'], $data['claims']['sub'] ) && $data['sub'] === $data['claims']['sub'] ) {
			return array(
				'sub'    => (string) $data['sub'],
				'claims' => $data['claims'],
			);
		}
		return new \WP_Error( 403 === $status ? 'insufficient_scope' : 'invalid_token', 'app sign-in refused' );
	}
}
