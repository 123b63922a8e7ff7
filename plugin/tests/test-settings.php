<?php
/**
 * CLI test (php plugin/tests/test-settings.php): the settings validator and where a sign-in
 * returns to, tested without WordPress against stand-ins of the few core functions they call.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require(
	array(
		'accounts/class-roles',
		'settings/class-settings',
		'network/class-network',
		'settings/class-settings-fields',
		'settings/class-settings-validator',
		'settings/class-logto-params',
		'login/class-sign-in-flow',
	)
);

use LogtoBridge\Settings_Validator as V;
use LogtoBridge\Sign_In_Flow;

require __DIR__ . '/site-stand-ins.php';

$refused = static function ( $result ) {
	return $result instanceof WP_Error;
};

// URLs: Logto's endpoint and the bridge.
logto_bridge_check(
	'https://logto.example' === V::url( 'https://logto.example/', 'endpoint' ),
	'an endpoint loses its trailing slash'
);
logto_bridge_check( $refused( V::url( 'logto.example', 'endpoint' ) ), 'an endpoint without a scheme is refused' );
logto_bridge_check(
	$refused( V::url( 'https://user:pw@logto.example', 'endpoint' ) ),
	'credentials in a URL are refused'
);
logto_bridge_check( $refused( V::url( 'javascript:alert(1)', 'endpoint' ) ), 'a javascript: URL is refused' );
logto_bridge_check(
	$refused( V::url( 'http://bridge.example', 'bridge_url' ) ),
	'a plain-http bridge on another host is refused'
);
logto_bridge_check(
	'http://127.0.0.1:3000' === V::url( 'http://127.0.0.1:3000', 'bridge_url' ),
	'a plain-http bridge on this server is taken'
);
logto_bridge_check( '' === V::url( '', 'bridge_url' ), 'an empty URL is taken (not set up yet)' );

// The app, its scopes, the API.
logto_bridge_check( 'abc_DEF-123' === V::app_id( 'abc_DEF-123' ), 'an app ID is taken' );
logto_bridge_check( $refused( V::app_id( 'abc def' ) ), 'an app ID with a space is refused' );
logto_bridge_check( null === V::secret( '  ' ), 'an empty secret keeps the saved one' );
logto_bridge_check(
	'openid profile phone' === V::scopes( " openid  profile phone\nopenid " ),
	'scopes are words, once each'
);
logto_bridge_check( $refused( V::scopes( 'profile email' ) ), 'scopes without openid are refused' );
logto_bridge_check(
	'https://blog.example/wp-json' === V::api_resource( 'https://blog.example/wp-json/' ),
	'an API resource loses its trailing slash'
);
logto_bridge_check( $refused( V::api_resource( 'wp-json' ) ), 'a relative API resource is refused' );
logto_bridge_check(
	array( 'app1', 'app2' ) === V::client_ids( "app1, app2\napp1" ),
	'app IDs split on commas and spaces, once each'
);

// Modes and where to go after sign-in.
foreach ( array( 'redirect', 'buttons', 'phone' ) as $logto_bridge_mode ) {
	logto_bridge_check(
		V::login_mode( $logto_bridge_mode ) === $logto_bridge_mode,
		"the login mode $logto_bridge_mode is taken"
	);
}
logto_bridge_check( $refused( V::login_mode( 'default' ) ), 'an unknown login mode is refused' );
logto_bridge_check( '/shop' === V::redirect_after( '/shop' ), 'a page of this site is taken' );
logto_bridge_check( $refused( V::redirect_after( 'https://evil.example/' ) ), 'another site is refused' );

// Where a sign-in returns to: the request's page on this site, else the setting, else the dashboard.
$GLOBALS['options']['logto_bridge_settings'] = array( 'redirect_after' => '' );
logto_bridge_check( admin_url() === Sign_In_Flow::return_to( '' ), 'nothing asked, nothing set: the dashboard' );
logto_bridge_check(
	LOGTO_BRIDGE_SITE . '/post/1' === Sign_In_Flow::return_to( '/post/1' ),
	'a path on this site is made absolute'
);
logto_bridge_check(
	admin_url() === Sign_In_Flow::return_to( 'https://evil.example/' ),
	'another site is never a return target'
);
logto_bridge_check(
	admin_url() === Sign_In_Flow::return_to( '//evil.example/' ),
	'a protocol-relative URL to another site is not either'
);
$GLOBALS['options']['logto_bridge_settings'] = array( 'redirect_after' => '/welcome' );
logto_bridge_check(
	LOGTO_BRIDGE_SITE . '/welcome' === Sign_In_Flow::return_to( '' ),
	'nothing asked: the setting, on this site'
);
logto_bridge_check(
	LOGTO_BRIDGE_SITE . '/welcome' === Sign_In_Flow::return_to( 'https://evil.example/' ),
	'another site: the setting'
);

logto_bridge_report();
