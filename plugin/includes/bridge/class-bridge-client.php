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
		'siteConfigRefresh' => '/site-config/refresh',
		'setup'             => '/setup',
		'tokensVerify'      => '/tokens/verify',
		'tokensAccount'     => '/tokens/account',
	);

	/**
	 * The query parameters WordPress and the bridge exchange (fixtures/query-names.json).
	 *
	 * @var array<string,array<string,string>>
	 */
	const QUERY = array(
		'wpLogin' => array(
			'ticket' => 'ticket',
			'sealed' => 'sealed',
			'error'  => 'logto_error',
		),
		'signIn'  => array(
			'binding'  => 'binding',
			'returnTo' => 'return_to',
			'phone'    => 'phone',
			'fresh'    => 'fresh',
		),
		'signOut' => array(
			'returnTo' => 'return_to',
		),
	);

	/**
	 * The URIs Logto must have registered, each the route that serves it (fixtures/bridge-routes.json).
	 *
	 * @var array<string,string>
	 */
	const REGISTRATION = array(
		'redirectUri'            => 'callback',
		'postSignOutRedirectUri' => 'signOutCallback',
		'backchannelLogoutUri'   => 'backchannelLogout',
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
	 * @return array{redirectUri: string, postSignOutRedirectUri: string, backchannelLogoutUri: string}
	 *         In the shape of fixtures/bridge-routes.json's `registration`, as the bridge reports them.
	 */
	public static function registered_uris() {
		$known = '' !== self::base_url();
		$uris  = array();
		foreach ( self::REGISTRATION as $name => $route ) {
			$uris[ $name ] = $known ? self::url( $route ) : '';
		}
		return $uris;
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
	 * Tells the bridge the settings were saved, so it fetches them at once (otherwise at its next
	 * refresh, SITE_CONFIG_TTL_SECONDS later). Best effort: a bridge that is down reads the new
	 * settings when it comes back.
	 *
	 * @return bool Whether the bridge confirmed it.
	 */
	public static function refresh_site_config() {
		if ( '' === self::base_url() ) {
			return false;
		}
		$response = self::signed_request( 'POST', 'siteConfigRefresh', '', 3 );
		return ! is_wp_error( $response ) && 200 === (int) wp_remote_retrieve_response_code( $response );
	}

	/**
	 * One step of the Logto setup wizard, run by the bridge against Logto's Management API.
	 *
	 * @param string              $step One of the bridge's setup steps (connect, application, ...).
	 * @param array<string,mixed> $body The step's input, the M2M credentials included.
	 * @return array<string,mixed>|\WP_Error The bridge's answer, or its refusal (`error`, `message`, status).
	 */
	public static function setup( $step, array $body ) {
		if ( '' === self::base_url() ) {
			return new \WP_Error( 'bridge_unreachable', __( 'No bridge URL is set.', 'logto-bridge' ) );
		}
		$response = self::signed_request( 'POST', 'setup', (string) wp_json_encode( $body ), 30, '/' . $step );
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$data   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( ! is_array( $data ) ) {
			return new \WP_Error( 'bridge_error', 'unexpected setup response ' . $status );
		}
		if ( 200 !== $status ) {
			return new \WP_Error(
				(string) ( $data['error'] ?? 'bridge_error' ),
				(string) ( $data['message'] ?? '' ),
				array( 'status' => $status )
			);
		}
		return $data;
	}

	/**
	 * Trades a ticket for the verified claims. The bridge deletes it: a second redeem fails.
	 *
	 * @param string $ticket The ticket from the redirect.
	 * @return array<string,mixed>|\WP_Error The claims, ID token, return_to and binding; or a refusal
	 *                                       (`refused`, `verified_phone`) with its binding.
	 */
	public static function redeem( $ticket ) {
		$response = self::signed_request(
			'POST',
			'ticketsRedeem',
			(string) wp_json_encode( array( 'ticket' => $ticket ) ),
			10
		);
		if ( is_wp_error( $response ) ) {
			return $response;
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 410 === $status ) {
			return new \WP_Error( 'ticket_gone', 'ticket unknown, used or expired' );
		}
		$data = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return 200 === $status && self::is_ticket_payload( $data )
			? $data
			: new \WP_Error( 'bridge_error', 'unexpected redeem response ' . $status );
	}

	/**
	 * Whether a redeemed ticket is what fixtures/ticket-payload.json says: claims with a `sub`,
	 * the ID token, where to go and the binding; or the bridge's refusal (phone_mismatch) with the
	 * verified number or null, no claims.
	 *
	 * @param mixed $data Decoded answer.
	 * @return bool
	 */
	public static function is_ticket_payload( $data ) {
		$text = static function ( $value ) {
			return is_string( $value ) && '' !== $value;
		};
		if ( ! is_array( $data )
			|| ! $text( $data['return_to'] ?? null )
			|| ! is_string( $data['binding'] ?? null )
			|| 1 !== preg_match( '/^[0-9a-f]{64}$/', $data['binding'] )
		) {
			return false;
		}
		if ( array_key_exists( 'refused', $data ) ) {
			// The bridge refused this sign-in after Logto (no claims): WordPress says why.
			return 'phone_mismatch' === $data['refused']
				&& array_key_exists( 'verified_phone', $data )
				&& ( null === $data['verified_phone'] || $text( $data['verified_phone'] ) );
		}
		return isset( $data['claims'] ) && is_array( $data['claims'] )
			&& $text( $data['claims']['sub'] ?? null ) && $text( $data['id_token'] ?? null );
	}

	/**
	 * A signed request to the bridge whose answer must be signed for it; a WP_Error otherwise
	 * (`bridge_unreachable`, or `bridge_error` when the answer is not the bridge's).
	 *
	 * @param string $method  GET or POST.
	 * @param string $route   Key of ROUTES.
	 * @param string $body    Exact body.
	 * @param int    $timeout Seconds.
	 * @param string $suffix  Appended to the route's path (a setup step).
	 * @return array<string,mixed>|\WP_Error The response.
	 */
	public static function signed_request( $method, $route, $body, $timeout, $suffix = '' ) {
		$nonce    = Signature::new_nonce();
		$path     = self::ROUTES[ $route ] . $suffix;
		$response = wp_remote_request(
			self::base_url() . $path,
			array(
				'method'  => $method,
				'timeout' => $timeout,
				'headers' => array(
					'Content-Type'    => 'application/json',
					Signature::HEADER => Signature::sign(
						Settings::bridge_secret(),
						$method,
						$path,
						$body,
						null,
						$nonce
					),
				),
				'body'    => 'GET' === $method ? null : $body,
			)
		);
		if ( is_wp_error( $response ) ) {
			return new \WP_Error( 'bridge_unreachable', $response->get_error_message() );
		}
		// Nothing from the answer is used unless the bridge signed it for this very request.
		$signed = Signature::verify(
			Settings::bridge_secret(),
			(string) wp_remote_retrieve_header( $response, Signature::HEADER ),
			Signature::RESPONSE,
			$path,
			(string) wp_remote_retrieve_body( $response )
		);
		if ( $signed !== $nonce ) {
			// Signed right but at a time outside the window: the clocks are apart, not the secrets.
			$header       = (string) wp_remote_retrieve_header( $response, Signature::HEADER );
			$sent_at      = Signature::timestamp( $header );
			$body         = (string) wp_remote_retrieve_body( $response );
			$secret       = Settings::bridge_secret();
			$signed_right = null !== $sent_at
				&& Signature::verify( $secret, $header, Signature::RESPONSE, $path, $body, $sent_at );
			if ( $signed_right ) {
				return new \WP_Error( 'bridge_clock', 'the clocks are apart', array( 'skew' => $sent_at - time() ) );
			}
			return new \WP_Error( 'bridge_error', 'the answer is not signed for this request' );
		}
		return $response;
	}
}
