<?php
/**
 * CLI test (php plugin/tests/test-contract.php): what the plugin agrees on with the bridge is
 * what fixtures/ says: the error codes, the bridge's routes and the ticket format.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require(
	array(
		'settings/class-rest-admin',
		'setup/class-rest-setup',
		'setup/class-setup-errors',
		'api/class-bearer-auth',
		'login/class-error-messages',
		'bridge/class-bridge-client',
		'login/class-sign-in-flow',
		'class-plugin',
		'accounts/class-account-link',
		'accounts/class-link-password',
		'login/class-activity-log',
	)
);

use LogtoBridge\Bridge_Client;
use LogtoBridge\Error_Messages;
use LogtoBridge\Sign_In_Flow;

$codes    = logto_bridge_fixture( 'error-codes.json' )['codes'];
$messages = Error_Messages::all();
foreach ( array_keys( $codes ) as $code ) {
	logto_bridge_check(
		isset( $messages[ $code ] ) && '' !== $messages[ $code ],
		"wp-login.php has a message for $code"
	);
}
foreach ( array_keys( $messages ) as $code ) {
	logto_bridge_check(
		isset( $codes[ $code ] ),
		"the message for $code belongs to a code of fixtures/error-codes.json"
	);
}

// Every code WordPress sends is sent somewhere, and every code the plugin sends is in the list.
// Read as code only (PHP's own tokenizer drops the comments), and "sent" means at a call site
// that sends it: a WP_Error that reaches Login_Errors::fail(), fail() itself, a message looked
// up for a login error, or fail()'s fallback.
$sources = '';
foreach ( array_merge(
	glob( dirname( __DIR__ ) . '/includes/*.php' ),
	glob( dirname( __DIR__ ) . '/includes/*/*.php' )
) as $file ) {
	if ( basename( $file ) === 'class-error-messages.php' ) {
		continue;
	}
	foreach ( token_get_all( (string) file_get_contents( $file ) ) as $token ) {
		$is_comment = is_array( $token ) && in_array( $token[0], array( T_COMMENT, T_DOC_COMMENT ), true );
		$sources   .= $is_comment ? ' ' : ( is_array( $token ) ? $token[1] : $token );
	}
}
preg_match_all( "/(?:WP_Error\(\s*|fail\(\s*|Error_Messages::get\(\s*|: )'([a-z_]+)'/", $sources, $sent );
foreach ( $codes as $code => $spec ) {
	// phpcs:ignore WordPress.WP.CapitalPDangit -- the fixture's sender name, not the product's.
	if ( in_array( 'wordpress', $spec['from'], true ) ) {
		logto_bridge_check( in_array( $code, $sent[1], true ), "the plugin sends $code somewhere" );
	}
}
preg_match_all( "/(?:WP_Error\(\s*|fail\(\s*)'([a-z_]+)'/", $sources, $sent );
// Codes that never reach wp-login.php: validation, signatures (bridge_clock: signed right, out of its
// window; the connection check names it, a sign-in reports idp_error), link_pending (Account_Link turns it into
// link_email_sent) and WordPress's own incorrect_password, which Link_Password reports to wp_login_failed.
// Codes named logto_bridge_* (settings, setup wizard, bearer tokens) answer REST routes only.
$not_login_errors = array(
	'invalid',
	'invalid_extra_param',
	'invalid_signature',
	'invalid_request',
	'logto_password_disabled',
	'bridge_error',
	'bridge_clock',
	'link_pending',
	'incorrect_password',
);
foreach ( array_unique( $sent[1] ) as $code ) {
	$is_login_error = 0 !== strpos( $code, 'logto_bridge_' ) && ! in_array( $code, $not_login_errors, true );
	logto_bridge_check(
		! $is_login_error || isset( $codes[ $code ] ),
		"the plugin's code $code is in fixtures/error-codes.json"
	);
}

logto_bridge_check(
	array(
		LogtoBridge\Sign_In_Flow::ACTION_START    => array( LogtoBridge\Sign_In_Flow::class, 'start' ),
		LogtoBridge\Sign_In_Flow::ACTION_CALLBACK => array( LogtoBridge\Sign_In_Flow::class, 'callback' ),
		LogtoBridge\Account_Link::ACTION          => array( LogtoBridge\Account_Link::class, 'confirm' ),
		LogtoBridge\Link_Password::ACTION         => array( LogtoBridge\Link_Password::class, 'handle' ),
	) === LogtoBridge\Plugin::LOGIN_ACTIONS,
	'the wp-login.php actions the plugin registers are those of its classes'
);
logto_bridge_check(
	array( LogtoBridge\Sign_In_Flow::ACTION_START, LogtoBridge\Sign_In_Flow::ACTION_CALLBACK )
		=== LogtoBridge\Plugin::REDIRECT_ACTIONS,
	'the redirect-only hops are the sign-in\'s start and callback'
);

$routes = logto_bridge_fixture( 'bridge-routes.json' )['routes'];
logto_bridge_check( Bridge_Client::ROUTES === $routes, 'the bridge routes are those of fixtures/bridge-routes.json' );
$query_names = logto_bridge_fixture( 'query-names.json' );
unset( $query_names['$comment'] );
logto_bridge_check(
	Bridge_Client::QUERY === $query_names,
	'the query names WordPress and the bridge exchange are those of fixtures/query-names.json'
);
logto_bridge_check(
	Bridge_Client::REGISTRATION === logto_bridge_fixture( 'bridge-routes.json' )['registration'],
	'the URIs Logto must register are those of fixtures/bridge-routes.json'
);

$format = logto_bridge_fixture( 'token-format.json' );
logto_bridge_check(
	Sign_In_Flow::TICKET_PATTERN === '/' . $format['pattern'] . '/',
	'the ticket pattern is that of fixtures/token-format.json'
);
logto_bridge_check(
	Sign_In_Flow::LIFETIME === logto_bridge_fixture( 'sign-in-lifetime.json' )['seconds'],
	'the binding cookie lives as long as fixtures/sign-in-lifetime.json says a sign-in may take'
);
logto_bridge_check(
	1 === preg_match(
		Sign_In_Flow::TICKET_PATTERN,
		rtrim( strtr( base64_encode( random_bytes( $format['bytes'] ) ), '+/', '-_' ), '=' )
	),
	'a fresh token matches'
);

$access = logto_bridge_fixture( 'api-access.json' );
logto_bridge_check(
	LogtoBridge\Bearer_Auth::READ === $access['scopes']['read']['name']
		&& LogtoBridge\Bearer_Auth::WRITE === $access['scopes']['write']['name'],
	'the scopes Bearer_Auth checks are those of fixtures/api-access.json'
);

$tickets = logto_bridge_fixture( 'ticket-payload.json' );
foreach ( $tickets['valid'] as $i => $payload ) {
	logto_bridge_check(
		Bridge_Client::is_ticket_payload( $payload ),
		"valid ticket payload $i of fixtures/ticket-payload.json is taken"
	);
}
foreach ( $tickets['invalid'] as $i => $payload ) {
	logto_bridge_check(
		! Bridge_Client::is_ticket_payload( $payload ),
		"invalid ticket payload $i of fixtures/ticket-payload.json is refused"
	);
}

$activity = logto_bridge_fixture( 'activity.json' );
foreach ( $activity['valid'] as $i => $report ) {
	logto_bridge_check( LogtoBridge\Activity_Log::valid_report( $report ), "valid activity report $i is taken" );
}
foreach ( $activity['invalid'] as $i => $report ) {
	logto_bridge_check( ! LogtoBridge\Activity_Log::valid_report( $report ), "invalid activity report $i is refused" );
}
logto_bridge_check(
	LogtoBridge\Activity_Log::MAX_EVENTS === $activity['maxEvents']
		&& LogtoBridge\Activity_Log::KEEP === $activity['keep']
		&& LogtoBridge\Activity_Log::BRIDGE_STEPS === $activity['steps'],
	'Activity_Log keeps and takes what fixtures/activity.json says'
);
$logto_bridge_too_many = array_fill( 0, $activity['maxEvents'] + 1, $activity['valid'][0]['events'][0] );
logto_bridge_check(
	! LogtoBridge\Activity_Log::valid_report( array( 'events' => $logto_bridge_too_many ) ),
	'a report of more events than the contract allows is refused'
);

$rest = logto_bridge_fixture( 'wordpress-rest.json' );
logto_bridge_check(
	LogtoBridge\Rest_Admin::NAMESPACE_V1 === $rest['namespace'] && LogtoBridge\Rest_Admin::ROUTES === $rest['routes'],
	'the REST namespace and routes are those of fixtures/wordpress-rest.json'
);

$setup = logto_bridge_fixture( 'setup.json' );
logto_bridge_check(
	LogtoBridge\Rest_Setup::STEPS === $setup['steps'],
	'the setup routes are the steps of fixtures/setup.json'
);
// Every setup error the bridge sends is explained in words; Logto's own refusals carry Logto's message.
$logto_bridge_logto_words = array( 'logto_refused', 'logto_not_found', 'logto_error', 'invalid_request' );
$logto_bridge_generic     = LogtoBridge\Setup_Errors::explain( new WP_Error( 'unknown', 'detail' ) )
	->get_error_message();
foreach ( array_keys( $setup['errors'] ) as $code ) {
	$explained = LogtoBridge\Setup_Errors::explain( new WP_Error( $code, 'detail' ) );
	$own_words = in_array( $code, $logto_bridge_logto_words, true )
		|| $explained->get_error_message() !== $logto_bridge_generic;
	logto_bridge_check(
		'logto_bridge_setup_' . $code === $explained->get_error_code() && $own_words,
		"the setup error $code is explained to the admin"
	);
}

logto_bridge_report();
