<?php
/**
 * The connection check: the bridge's /readyz as the settings screen shows it.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * One item per check the bridge made, or one red item saying why the bridge cannot answer.
 */
final class Bridge_Readiness {

	/**
	 * Seconds the clocks may be apart before the check turns red (a sealed ticket lives 120 s).
	 */
	const CLOCK_TOLERANCE = 60;

	/**
	 * The bridge's /readyz, item by item, or one red item when it cannot be reached.
	 *
	 * @return array{ok: bool, checks: array<int,array{id: string, ok: bool, detail: string}>, uris?: string[]}
	 */
	public static function check() {
		if ( '' === Bridge_Client::base_url() ) {
			return self::unreachable( __( 'No bridge URL is set.', 'logto-bridge' ) );
		}
		$response = Bridge_Client::signed_request( 'GET', 'readyz', '', 10 );
		if ( is_wp_error( $response ) && 'bridge_clock' === $response->get_error_code() ) {
			return self::unreachable( self::clock_words( (int) $response->get_error_data()['skew'] ) );
		}
		if ( is_wp_error( $response ) && 'bridge_error' === $response->get_error_code() ) {
			return self::unreachable(
				__(
					'The bridge did not sign its answer with this site\'s shared secret: LOGTO_BRIDGE_SECRET here and BRIDGE_SHARED_SECRET there must be the same.',
					'logto-bridge'
				)
			);
		}
		if ( is_wp_error( $response ) ) {
			return self::unreachable(
				/* translators: %s: the reason the request failed. */
				sprintf( __( 'The bridge is unreachable: %s', 'logto-bridge' ), $response->get_error_message() )
			);
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
		// The bridge signed its answer just now, by its own clock: how far apart the two are.
		$signed   = (string) wp_remote_retrieve_header( $response, Signature::HEADER );
		$skew     = (int) Signature::timestamp( $signed ) - time();
		$checks[] = array(
			'id'     => 'clock',
			'ok'     => abs( $skew ) <= self::CLOCK_TOLERANCE,
			'detail' => abs( $skew ) <= self::CLOCK_TOLERANCE
				? __( 'The clocks of WordPress and the bridge agree.', 'logto-bridge' )
				: self::clock_words( $skew ),
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
			$result['uris'] = array();
			foreach ( array_keys( Bridge_Client::REGISTRATION ) as $name ) {
				$result['uris'][ $name ] = esc_url_raw( (string) ( $data['uris'][ $name ] ?? '' ) );
			}
		}
		return $result;
	}

	/**
	 * The clocks apart, in words, and what to do.
	 *
	 * @param int $skew The bridge's clock minus this server's, in seconds.
	 * @return string
	 */
	private static function clock_words( $skew ) {
		$apart = sprintf(
			$skew > 0
				/* translators: %d: seconds. */
				? __( 'The bridge’s clock is %d seconds ahead of this server’s.', 'logto-bridge' )
				/* translators: %d: seconds. */
				: __( 'The bridge’s clock is %d seconds behind this server’s.', 'logto-bridge' ),
			abs( $skew )
		);
		return $apart . ' ' . __(
			'Sign-ins slow down when the clocks are more than a minute apart and fail past five minutes: keep both servers’ time synchronized (NTP).',
			'logto-bridge'
		);
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
