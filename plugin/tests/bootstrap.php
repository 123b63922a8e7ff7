<?php
/**
 * Shared by the CLI tests in this folder (run with php-cli, no WordPress): refuses to run over
 * the web, defines ABSPATH so the plugin's classes load, stands in for the few WordPress
 * functions they call, reads the shared fixtures and counts assertions.
 *
 * @package LogtoBridge
 */

// Never over the web: outside the command line these files do nothing.
if ( 'cli' !== PHP_SAPI ) {
	exit;
}

define( 'ABSPATH', __DIR__ );

$logto_bridge_results = array(
	'passed' => 0,
	'failed' => 0,
);

/**
 * A fixture from the repository's fixtures/ folder, shared with the TypeScript tests.
 *
 * @param string $name File name.
 * @return array<string,mixed>
 */
function logto_bridge_fixture( $name ) {
	return json_decode( (string) file_get_contents( dirname( __DIR__, 2 ) . '/fixtures/' . $name ), true );
}

/**
 * Loads the plugin classes a test needs, by their path under includes/ without `.php`.
 *
 * @param string[] $classes E.g. `settings/class-settings`.
 */
function logto_bridge_require( array $classes ) {
	foreach ( $classes as $class ) {
		require dirname( __DIR__ ) . "/includes/$class.php";
	}
}

/**
 * Records one assertion.
 *
 * @param bool   $ok   Outcome.
 * @param string $name What was checked.
 */
function logto_bridge_check( $ok, $name ) {
	global $logto_bridge_results;
	if ( $ok ) {
		++$logto_bridge_results['passed'];
	} else {
		++$logto_bridge_results['failed'];
		fwrite( STDERR, "not ok - $name\n" );
	}
}

/**
 * The few WordPress pieces the tested classes use, stood in for outside WordPress.
 */
class WP_Error {
	/**
	 * Message.
	 *
	 * @var string
	 */
	private $message;

	/**
	 * Code.
	 *
	 * @var string
	 */
	private $code;

	/**
	 * Stand-in constructor.
	 *
	 * @param string $code    Code.
	 * @param string $message Message.
	 */
	public function __construct( $code, $message ) {
		$this->code    = $code;
		$this->message = $message;
	}

	/**
	 * Stand-in.
	 *
	 * @return string
	 */
	public function get_error_code() {
		return $this->code;
	}

	/**
	 * Stand-in.
	 *
	 * @return string
	 */
	public function get_error_message() {
		return $this->message;
	}
}

/**
 * Stand-in.
 *
 * @param string $text Text.
 * @return string
 */
function __( $text ) {
	return $text;
}

/**
 * Stand-in.
 *
 * @param string $key Key.
 * @return string
 */
function sanitize_key( $key ) {
	return preg_replace( '/[^a-z0-9_\-]/', '', strtolower( $key ) );
}

/**
 * Prints the tally and exits non-zero on any failure.
 */
function logto_bridge_report() {
	global $logto_bridge_results;
	echo $logto_bridge_results['passed'] . ' passed, ' . $logto_bridge_results['failed'] . " failed\n";
	exit( $logto_bridge_results['failed'] ? 1 : 0 );
}
