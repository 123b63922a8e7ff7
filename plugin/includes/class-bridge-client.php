<?php
/**
 * Server-to-server calls from WordPress to the auth bridge.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Ticket redemption and the readiness check, signed with the shared secret.
 */
final class Bridge_Client {

	/**
	 * The bridge's routes (fixtures/bridge-routes.json; a PHP test keeps them equal).
	 *
	 * @var array<string,string>
	 */
	const ROUTES = array(
		'signIn'            => '/sign-in',
		'callback'          => '/callback',
		'signOut'           => '/sign-out',
		'signOutCallback'   => '/sign-out/callback',
		'backchannelLogout' => '/backchannel-logout',
		'ticketsRedeem'     => '/tickets/redeem',
		'healthz'           => '/healthz',
		'readyz'            => '/readyz',
	);

	/**
	 * A route's absolute URL at the configured bridge.
	 *
	 * @param string $route Key of ROUTES.
	 * @return string
	 */
	public static function url( $route ) {
		return self::base_url() . self::ROUTES[ $route ];
	}

	/**
	 * The URIs Logto must have registered, as this site expects the bridge to serve them; the
	 * connection check replaces them with the ones the bridge itself reports.
	 *
	 * @return array{redirect: string, post_sign_out: string, backchannel: string}
	 */
	public static function registered_uris() {
		$known = '' !== self::base_url();
		return array(
			'redirect'      => $known ? self::url( 'callback' ) : '',
			'post_sign_out' => $known ? self::url( 'signOutCallback' ) : '',
			'backchannel'   => $known ? self::url( 'backchannelLogout' ) : '',
		);
	}

	/**
	 * The bridge's base URL, without a trailing slash.
	 *
	 * @return string
	 */
	public static function base_url() {
		return untrailingslashit( (string) Settings::get()['bridge_url'] );
	}

	/**
	 * Trades a ticket for the verified claims. The bridge deletes it: a second redeem fails.
	 *
	 * @param string $ticket The ticket from the redirect.
	 * @return array{claims: array<string,mixed>, id_token: string, return_to: string}|\WP_Error
	 */
	public static function redeem( $ticket ) {
		$body     = wp_json_encode( array( 'ticket' => $ticket ) );
		$response = wp_remote_post(
			self::url( 'ticketsRedeem' ),
			array(
				'timeout' => 10,
				'headers' => array(
					'Content-Type'    => 'application/json',
					Signature::HEADER => Signature::sign( Settings::bridge_secret(), $body ),
				),
				'body'    => $body,
			)
		);
		if ( is_wp_error( $response ) ) {
			return new \WP_Error( 'bridge_unreachable', $response->get_error_message() );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 410 === $status ) {
			return new \WP_Error( 'ticket_gone', 'ticket unknown, used or expired' );
		}
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( 200 !== $status || ! is_array( $data ) || ! isset( $data['claims']['sub'] ) || ! is_string( $data['claims']['sub'] ) ) {
			return new \WP_Error( 'bridge_error', 'unexpected redeem response ' . $status );
		}
		return $data;
	}

	/**
	 * The bridge's /readyz, item by item, or one red item when it cannot be reached.
	 *
	 * @return array{ok: bool, checks: array<int,array{id: string, ok: bool, detail: string}>, uris?: array<string,string>}
	 */
	public static function readiness() {
		if ( '' === self::base_url() ) {
			return self::unreachable( __( 'No bridge URL is set.', 'logto-bridge' ) );
		}
		$response = wp_remote_get( self::url( 'readyz' ), array( 'timeout' => 10 ) );
		if ( is_wp_error( $response ) ) {
			/* translators: %s: the reason the request failed. */
			return self::unreachable( sprintf( __( 'The bridge is unreachable: %s', 'logto-bridge' ), $response->get_error_message() ) );
		}
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( ! is_array( $data ) || ! isset( $data['checks'] ) || ! is_array( $data['checks'] ) ) {
			return self::unreachable( __( 'The bridge URL does not answer like a Logto bridge.', 'logto-bridge' ) );
		}
		$checks = array(
			array(
				'id'     => 'bridge',
				'ok'     => true,
				'detail' => __( 'Bridge reachable', 'logto-bridge' ),
			),
		);
		foreach ( $data['checks'] as $check ) {
			$checks[] = array(
				'id'     => sanitize_key( (string) ( $check['id'] ?? '' ) ),
				'ok'     => ! empty( $check['ok'] ),
				'detail' => sanitize_text_field( (string) ( $check['detail'] ?? '' ) ),
			);
		}
		$result = array(
			'ok'     => ! in_array( false, array_column( $checks, 'ok' ), true ),
			'checks' => $checks,
		);
		// What the bridge itself serves, so the screen shows the URIs Logto must really have.
		if ( isset( $data['uris'] ) && is_array( $data['uris'] ) ) {
			$result['uris'] = array(
				'redirect'      => esc_url_raw( (string) ( $data['uris']['redirectUri'] ?? '' ) ),
				'post_sign_out' => esc_url_raw( (string) ( $data['uris']['postSignOutRedirectUri'] ?? '' ) ),
				'backchannel'   => esc_url_raw( (string) ( $data['uris']['backchannelLogoutUri'] ?? '' ) ),
			);
		}
		return $result;
	}

	/**
	 * The readiness result when the bridge itself cannot answer: one red item.
	 *
	 * @param string $detail Why, for the admin.
	 * @return array{ok: bool, checks: array<int,array{id: string, ok: bool, detail: string}>}
	 */
	private static function unreachable( $detail ) {
		return array(
			'ok'     => false,
			'checks' => array(
				array(
					'id'     => 'bridge',
					'ok'     => false,
					'detail' => $detail,
				),
			),
		);
	}
}
