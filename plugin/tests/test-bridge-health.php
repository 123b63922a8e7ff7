<?php
/**
 * CLI test (php plugin/tests/test-bridge-health.php): when WordPress asks the bridge's /healthz
 * in a visitor's request and when it answers from what it knows, against stand-ins.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require(
	array(
		'bridge/class-bridge-client',
		'bridge/class-bridge-health',
		'settings/class-settings',
		'network/class-network',
		'settings/class-settings-fields',
	)
);
require __DIR__ . '/site-stand-ins.php';

use LogtoBridge\Bridge_Health;

const DAY_IN_SECONDS = 86400;

$transients = array();
$asked      = 0;
$answer     = 200;
$shutdown   = array();

// phpcs:disable Universal.Files.SeparateFunctionsFromOO, Squiz.Commenting.FunctionComment.Missing -- stand-ins.
function get_transient( $name ) {
	return $GLOBALS['transients'][ $name ] ?? false;
}
function set_transient( $name, $value ) {
	$GLOBALS['transients'][ $name ] = $value;
	return true;
}
function wp_remote_get() {
	++$GLOBALS['asked'];
	return array( 'code' => $GLOBALS['answer'] );
}
function wp_remote_retrieve_response_code( $response ) {
	return $response['code'];
}
function add_action( $hook, $callback ) {
	$GLOBALS['shutdown'][] = $callback;
}
// phpcs:enable

$options['logto_bridge_settings'] = array( 'bridge_url' => 'https://auth.blog.example' );
$logto_bridge_known               = static function ( $up, $age ) {
	$GLOBALS['transients'] = array(
		Bridge_Health::HEALTH_TRANSIENT => array(
			'url' => 'https://auth.blog.example',
			'up'  => $up,
			'at'  => time() - $age,
		),
	);
	$GLOBALS['asked']      = 0;
	$GLOBALS['shutdown']   = array();
};

// Nothing known yet: the first visitor waits for the answer.
$transients = array();
logto_bridge_check( true === Bridge_Health::is_up() && 1 === $asked, 'with no answer yet the bridge is asked in-line' );
logto_bridge_check( true === Bridge_Health::is_up() && 1 === $asked, 'then the answer is kept' );

// A fresh answer is taken as it is.
$logto_bridge_known( true, 1 );
logto_bridge_check( true === Bridge_Health::is_up() && 0 === $asked && ! $shutdown, 'a fresh "up" costs no call' );

// An old "up": the visitor goes on at once; the bridge is asked after the response.
$logto_bridge_known( true, 60 );
$answer = 503;
logto_bridge_check( true === Bridge_Health::is_up() && 0 === $asked, 'an old "up" makes no visitor wait' );
logto_bridge_check( 1 === count( $shutdown ), 'the bridge is asked again once the response has gone' );
logto_bridge_check(
	true === Bridge_Health::is_up() && 0 === $asked && 1 === count( $shutdown ),
	'once, not by every request'
);
call_user_func( $shutdown[0] );
logto_bridge_check(
	1 === $asked && false === Bridge_Health::is_up(),
	'and its new answer counts for the next visitor'
);

// An old "down" is asked again in-line: a bridge back up is used at once, a dead one reported.
$logto_bridge_known( false, 60 );
$answer = 200;
logto_bridge_check(
	true === Bridge_Health::is_up() && 1 === $asked,
	'an old "down" is asked again before the visitor is sent'
);

// Another bridge URL than the one that answered: asked.
$options['logto_bridge_settings'] = array( 'bridge_url' => 'https://other.blog.example' );
$logto_bridge_known( true, 1 );
logto_bridge_check(
	true === Bridge_Health::is_up() && 1 === $asked,
	'an answer of another bridge URL counts for nothing'
);

logto_bridge_report();
