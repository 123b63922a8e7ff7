<?php
/**
 * The machine-to-machine app's credentials the setup wizard uses.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The wizard's screen sends the M2M app's credentials with each step; they are stored only when
 * the admin ticks "keep for later changes", and the secret is then write-only like the app
 * secret: never sent back to a browser, and a blank secret on the screen means "the kept one".
 */
final class Setup_Credentials {

	const OPTION = 'logto_bridge_setup';

	/**
	 * The credentials for a step: the typed ones, with a blank secret filled from the kept one
	 * when endpoint, app ID and the bridge URL are the ones it was kept with.
	 *
	 * @param mixed $input `endpoint`, `app_id`, `app_secret`, `resource` from the request.
	 * @return array{endpoint: string, appId: string, appSecret: string, resource: string}|\WP_Error
	 */
	public static function from_request( $input ) {
		$input    = is_array( $input ) ? $input : array();
		$endpoint = untrailingslashit( esc_url_raw( trim( (string) ( $input['endpoint'] ?? '' ) ) ) );
		$app_id   = sanitize_text_field( (string) ( $input['app_id'] ?? '' ) );
		$secret   = trim( (string) ( $input['app_secret'] ?? '' ) );
		$resource = esc_url_raw( trim( (string) ( $input['resource'] ?? '' ) ) );
		if ( ! Settings_Validator::is_http_url( $endpoint ) ) {
			return new \WP_Error(
				'logto_bridge_setup_invalid',
				__(
					'Enter the Logto endpoint, e.g. https://your-tenant.logto.app or https://auth.example.com.',
					'logto-bridge'
				),
				array( 'status' => 400 )
			);
		}
		if ( '' === $app_id ) {
			return new \WP_Error(
				'logto_bridge_setup_invalid',
				__( 'Enter the app ID of the machine-to-machine app.', 'logto-bridge' ),
				array( 'status' => 400 )
			);
		}
		if ( '' === $secret ) {
			$kept = self::kept();
			if ( $kept && ( $kept['endpoint'] !== $endpoint || self::retargeted( $kept ) ) ) {
				// Kept for one Logto through one bridge: sent anywhere else, it would hand out
				// Management API access to the whole tenant. Retargeted, it is forgotten.
				self::forget();
				return new \WP_Error(
					'logto_bridge_setup_invalid',
					__(
						'The kept secret of the machine-to-machine app was forgotten, because the Logto endpoint or the bridge URL changed since it was kept. Enter the app secret again.',
						'logto-bridge'
					),
					array( 'status' => 400 )
				);
			}
			if ( $kept && $kept['app_id'] === $app_id ) {
				$secret = $kept['app_secret'];
			}
		}
		if ( '' === $secret ) {
			return new \WP_Error(
				'logto_bridge_setup_invalid',
				__( 'Enter the app secret of the machine-to-machine app.', 'logto-bridge' ),
				array( 'status' => 400 )
			);
		}
		return array(
			'endpoint'  => $endpoint,
			'appId'     => $app_id,
			'appSecret' => $secret,
			'resource'  => $resource,
		);
	}

	/**
	 * Keeps the credentials for later changes, or forgets any kept ones.
	 *
	 * @param array{endpoint: string, appId: string, appSecret: string, resource: string} $credentials The ones that
	 *                                                                                    worked.
	 * @param bool                                                                        $keep        The admin
	 *                                                                                    ticked "keep for later".
	 */
	public static function keep( array $credentials, $keep ) {
		if ( ! $keep ) {
			self::forget();
			return;
		}
		$kept = array(
			'bridge_url' => Bridge_Client::base_url(),
			'endpoint'   => $credentials['endpoint'],
			'app_id'     => $credentials['appId'],
			'app_secret' => $credentials['appSecret'],
			'resource'   => $credentials['resource'],
		);
		// On a network the wizard is the network's (Network Admin > Logto): kept for the network.
		if ( Settings::on_network() ) {
			update_site_option( self::OPTION, $kept );
		} else {
			update_option( self::OPTION, $kept, false );
		}
	}

	/**
	 * Forgets the kept credentials.
	 */
	public static function forget() {
		if ( Settings::on_network() ) {
			delete_site_option( self::OPTION );
		} else {
			delete_option( self::OPTION );
		}
	}

	/**
	 * Forgets the kept credentials when the bridge URL is no longer the one they were kept with
	 * (after a settings save).
	 */
	public static function forget_if_retargeted() {
		$kept = self::kept();
		if ( $kept && self::retargeted( $kept ) ) {
			self::forget();
		}
	}

	/**
	 * Whether the bridge URL changed since these credentials were kept.
	 *
	 * @param array{bridge_url: string} $kept The kept credentials.
	 * @return bool
	 */
	private static function retargeted( array $kept ) {
		return ! hash_equals( $kept['bridge_url'], Bridge_Client::base_url() );
	}

	/**
	 * What the screen may know of the kept credentials: everything but the secret.
	 *
	 * @return array{endpoint: string, app_id: string, resource: string, secret_kept: bool}
	 */
	public static function for_browser() {
		$kept = self::kept();
		return array(
			'endpoint'    => $kept ? $kept['endpoint'] : '',
			'app_id'      => $kept ? $kept['app_id'] : '',
			'resource'    => $kept ? $kept['resource'] : '',
			'secret_kept' => (bool) $kept,
		);
	}

	/**
	 * The kept credentials, or null.
	 *
	 * @return array{bridge_url: string, endpoint: string, app_id: string, app_secret: string, resource: string}|null
	 */
	private static function kept() {
		$kept = Settings::on_network() ? get_site_option( self::OPTION, null ) : get_option( self::OPTION, null );
		if ( ! is_array( $kept ) || empty( $kept['app_secret'] ) ) {
			return null;
		}
		return array(
			'bridge_url' => (string) ( $kept['bridge_url'] ?? '' ),
			'endpoint'   => (string) ( $kept['endpoint'] ?? '' ),
			'app_id'     => (string) ( $kept['app_id'] ?? '' ),
			'app_secret' => (string) $kept['app_secret'],
			'resource'   => (string) ( $kept['resource'] ?? '' ),
		);
	}
}
