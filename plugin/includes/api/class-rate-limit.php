<?php
/**
 * Per-address limits for the routes a stranger can call with tokens.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A fixed window per client address and bucket, in a transient: `/app/sign-in` and failed
 * bearer tokens each cost a signed call to the bridge (and Logto), so one address cannot make
 * WordPress send thousands of them. Approximate under races, which is enough for a limit.
 */
final class Rate_Limit {

	const PREFIX = 'logto_bridge_rl_';
	const LIMITS = array(
		// 30 app sign-ins per address in 5 minutes: a family behind one router, not a script.
		'app_sign_in'   => array( 30, 300 ),
		// 30 refused bearer tokens per address in 5 minutes; good tokens are never counted.
		'bearer_failed' => array( 30, 300 ),
	);

	/**
	 * Seconds until this address may try again, or 0 when it is under the limit.
	 *
	 * @param string $bucket A key of LIMITS.
	 * @return int
	 */
	public static function retry_after( $bucket ) {
		$window = get_transient( self::key( $bucket ) );
		if ( ! is_array( $window ) || (int) $window['count'] < self::LIMITS[ $bucket ][0] ) {
			return 0;
		}
		return max( 1, (int) $window['until'] - time() );
	}

	/**
	 * Counts one attempt of this address.
	 *
	 * @param string $bucket A key of LIMITS.
	 */
	public static function hit( $bucket ) {
		$key    = self::key( $bucket );
		$window = get_transient( $key );
		if ( ! is_array( $window ) || (int) $window['until'] <= time() ) {
			$window = array(
				'count' => 0,
				'until' => time() + self::LIMITS[ $bucket ][1],
			);
		}
		++$window['count'];
		set_transient( $key, $window, max( 1, (int) $window['until'] - time() ) );
	}

	/**
	 * The refusal: 429 with Retry-After.
	 *
	 * @param int $retry_after Seconds.
	 * @return \WP_Error
	 */
	public static function refusal( $retry_after ) {
		add_filter(
			'rest_post_dispatch',
			static function ( $response ) use ( $retry_after ) {
				if ( $response instanceof \WP_REST_Response && 429 === $response->get_status() ) {
					$response->header( 'Retry-After', (string) $retry_after );
				}
				return $response;
			}
		);
		return new \WP_Error(
			'logto_bridge_rate_limited',
			__( 'Too many attempts from this network. Try again in a few minutes.', 'logto-bridge' ),
			array( 'status' => 429 )
		);
	}

	/**
	 * The transient of this address and bucket (hashed: no address is stored as such).
	 *
	 * @param string $bucket Bucket.
	 * @return string
	 */
	private static function key( $bucket ) {
		$address = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		return self::PREFIX . $bucket . '_' . substr( hash( 'sha256', wp_salt( 'nonce' ) . $address ), 0, 24 );
	}
}
