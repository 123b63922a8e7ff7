<?php
/**
 * REST routes of the "Set up Logto for me" wizard.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * `logto-bridge/v1/setup/<step>` (`network-setup/<step>` on a network): administrators only
 * (Setup_Routes). Each step is run by the bridge against Logto's Management API; what comes back
 * to the browser never holds a secret. The WordPress app's secret goes straight into the settings.
 */
final class Rest_Setup {

	// The wizard's steps, as fixtures/setup.json lists them (each a route: Setup_Routes).
	const STEPS = array( 'connect', 'application', 'sms', 'sms-test', 'sign-in', 'roles', 'api', 'finish' );

	/**
	 * What the wizard starts from: the kept credentials (no secret) and whether the bridge is set.
	 *
	 * @return \WP_REST_Response
	 */
	public static function state() {
		return rest_ensure_response(
			array(
				'credentials' => Setup_Credentials::for_browser(),
				'bridge_set'  => '' !== Bridge_Client::base_url(),
				'uris'        => Bridge_Client::registered_uris(),
			)
		);
	}

	/**
	 * Step 1: the credentials work; what Logto has now.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function connect( \WP_REST_Request $request ) {
		return self::run( $request, 'connect', array( 'siteUrl' => Setup_Routes::site_url( $request ) ) );
	}

	/**
	 * Step 2: the WordPress app; once applied, its ID and usable secret are saved here.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function application( \WP_REST_Request $request ) {
		$input  = array(
			'siteUrl' => Setup_Routes::site_url( $request ),
			'name'    => sanitize_text_field( (string) $request->get_param( 'name' ) ),
		);
		$app_id = sanitize_text_field( (string) $request->get_param( 'app_id' ) );
		if ( '' !== $app_id ) {
			$input['appId'] = $app_id;
		}
		$result = self::call( $request, 'application', $input + self::apply_flags( $request ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		list( $data, $credentials ) = $result;
		if ( isset( $data['secret'], $data['app']['id'] ) ) {
			$saved = Settings::update(
				array(
					'endpoint'   => $credentials['endpoint'],
					'app_id'     => (string) $data['app']['id'],
					'app_secret' => (string) $data['secret'],
				),
				Setup_Routes::for_network( $request )
			);
			if ( is_wp_error( $saved ) ) {
				return $saved;
			}
			$data['saved'] = true;
		}
		unset( $data['secret'] );
		return rest_ensure_response( $data );
	}

	/**
	 * Step 3a: the SMS connector.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function sms( \WP_REST_Request $request ) {
		return self::run(
			$request,
			'sms',
			array(
				'factoryId' => sanitize_key( (string) $request->get_param( 'factory_id' ) ),
				'config'    => Connector_Config::sanitize( $request->get_param( 'config' ) ),
			) + self::apply_flags( $request )
		);
	}

	/**
	 * Step 3b: a test message through Logto's connector test.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function sms_test( \WP_REST_Request $request ) {
		return self::run(
			$request,
			'sms-test',
			array(
				'factoryId' => sanitize_key( (string) $request->get_param( 'factory_id' ) ),
				'config'    => Connector_Config::sanitize( $request->get_param( 'config' ) ),
				'phone'     => sanitize_text_field( (string) $request->get_param( 'phone' ) ),
			)
		);
	}

	/**
	 * Step 3c: phone sign-in added to Logto's sign-in experience.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function sign_in( \WP_REST_Request $request ) {
		$choice = (string) $request->get_param( 'choice' );
		$input  = in_array( $choice, array( 'code_only', 'keep' ), true ) ? array( 'choice' => $choice ) : array();
		return self::run( $request, 'sign-in', $input + self::apply_flags( $request ) );
	}

	/**
	 * Step 4: Logto roles for WordPress roles; once applied, the role mapping gains their rows.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function roles( \WP_REST_Request $request ) {
		$rows = Setup_Roles::rows( (array) $request->get_param( 'roles' ) );
		if ( is_wp_error( $rows ) ) {
			return $rows;
		}
		$input  = array( 'roles' => Setup_Roles::for_logto( $rows ) ) + self::apply_flags( $request );
		$result = self::call( $request, 'roles', $input );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		list( $data ) = $result;
		if ( ! empty( $input['apply'] ) ) {
			$mapping = Roles::add_rows( $rows, Setup_Routes::for_network( $request ) );
			if ( is_wp_error( $mapping ) ) {
				return $mapping;
			}
			list( $data['role_mapping'], $data['mapping_changes'] ) = $mapping;
		}
		return rest_ensure_response( $data );
	}

	/**
	 * Step 5: the site's REST API as a Logto API resource (scopes wp:read and wp:write), granted
	 * by the Logto role `wordpress:app` (a default role only when the admin opts in), so that apps get
	 * access tokens for it.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function api( \WP_REST_Request $request ) {
		// A default role (opt-in) goes to every new user of the whole Logto tenant.
		$input = array( 'defaultRole' => (bool) $request->get_param( 'default_role' ) );
		return self::run(
			$request,
			'api',
			$input + array( 'indicator' => Bearer_Auth::resource() ) + self::apply_flags( $request )
		);
	}

	/**
	 * Summary: the M2M secret is forgotten unless the admin asked to keep it.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public static function finish( \WP_REST_Request $request ) {
		// The point of the wizard is phone sign-in: wp-login.php offers the phone field unless the
		// admin unticked it (a site that sends everyone straight to Logto keeps doing so).
		$network = Setup_Routes::for_network( $request );
		$mode    = ( $network ? Settings::network_get() : Settings::get() )['login_mode'];
		if ( $request->get_param( 'phone_field' )
			&& 'buttons' === $mode
			&& ! is_wp_error( Settings::update( array( 'login_mode' => 'phone' ), $network ) )
		) {
			$mode = 'phone';
		}
		$keep        = (bool) $request->get_param( 'keep' );
		$credentials = $keep ? Setup_Credentials::from_request( $request->get_param( 'logto' ) ) : array();
		if ( is_wp_error( $credentials ) ) {
			return $credentials;
		}
		Setup_Credentials::keep( $credentials, $keep );
		return rest_ensure_response( array( 'kept' => $keep ) + array( 'login_mode' => $mode ) );
	}

	/**
	 * Runs a step and answers with the bridge's result.
	 *
	 * @param \WP_REST_Request    $request Request.
	 * @param string              $step    Bridge setup step.
	 * @param array<string,mixed> $input   The step's input besides the credentials.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private static function run( \WP_REST_Request $request, $step, array $input ) {
		$result = self::call( $request, $step, $input );
		return is_wp_error( $result ) ? $result : rest_ensure_response( $result[0] );
	}

	/**
	 * Calls the bridge with the request's credentials.
	 *
	 * @param \WP_REST_Request    $request Request.
	 * @param string              $step    Bridge setup step.
	 * @param array<string,mixed> $input   The step's input besides the credentials.
	 * @return array{0: array<string,mixed>, 1: array<string,string>}|\WP_Error The answer and the credentials used.
	 */
	private static function call( \WP_REST_Request $request, $step, array $input ) {
		$credentials = Setup_Credentials::from_request( $request->get_param( 'logto' ) );
		if ( is_wp_error( $credentials ) ) {
			return $credentials;
		}
		$logto = $credentials;
		if ( '' === $logto['resource'] ) {
			unset( $logto['resource'] );
		}
		$data = Bridge_Client::setup( $step, array( 'logto' => $logto ) + $input );
		if ( is_wp_error( $data ) ) {
			return Setup_Errors::explain( $data );
		}
		return array( $data, $credentials );
	}

	/**
	 * The apply / confirm flags of a step.
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return array{apply: bool, confirm: bool}
	 */
	private static function apply_flags( \WP_REST_Request $request ) {
		return array(
			'apply'   => (bool) $request->get_param( 'apply' ),
			'confirm' => (bool) $request->get_param( 'confirm' ),
		);
	}
}
