<?php
/**
 * CLI test (php plugin/tests/test-accounts.php): the pure parts of accounts, tested without
 * WordPress: the login and display names a Logto identity gets (never its phone or email), and
 * the roles the role mapping gives.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require(
	array(
		'accounts/class-user-names',
		'accounts/class-roles',
		'settings/class-settings',
		'network/class-network',
		'settings/class-settings-fields',
	)
);

use LogtoBridge\Roles;
use LogtoBridge\User_Names;

$taken   = array( 'ed' );
$options = array();

/**
 * Stand-in: the logins of $taken exist.
 *
 * @param string $login Login.
 * @return bool
 */
function username_exists( $login ) {
	return in_array( $login, $GLOBALS['taken'], true );
}

// WordPress's signature; always strict here.
// phpcs:disable Generic.CodeAnalysis.UnusedFunctionParameter.FoundAfterLastUsed
/**
 * Stand-in: WordPress's strict sanitize_user.
 *
 * @param string $name   Name.
 * @param bool   $strict Strict.
 * @return string
 */
function sanitize_user( $name, $strict = false ) {
	return trim( (string) preg_replace( '/[^a-z0-9 _.\-@]/i', '', $name ) );
}
// phpcs:enable

/**
 * Stand-in.
 *
 * @param string $text Text.
 * @return string
 */
function sanitize_text_field( $text ) {
	return trim( wp_strip_all_tags( $text ) );
}

/**
 * Stand-in.
 *
 * @param string $text Text.
 * @return string
 */
function wp_strip_all_tags( $text ) {
	return (string) preg_replace( '/<[^>]*>/', '', $text );
}

/**
 * Stand-in: a single site.
 *
 * @return bool
 */
function is_multisite() {
	return false;
}

/**
 * Stand-in: the options in $options.
 *
 * @param string $name    Option.
 * @param mixed  $fallback Default.
 * @return mixed
 */
function get_option( $name, $fallback = false ) {
	return $GLOBALS['options'][ $name ] ?? $fallback;
}

// Names: Logto's username when free and not a contact; otherwise a stable, meaningless one.
$sub = array( 'sub' => 'logto-sub-1' );
logto_bridge_check(
	'paula' === User_Names::login( $sub + array( 'username' => 'paula' ) ),
	'a free Logto username is the login'
);
$fallback = User_Names::login( $sub + array( 'username' => 'ed' ) );
logto_bridge_check( 1 === preg_match( '/^user-[0-9a-f]{8}$/', $fallback ), 'a taken username gives user-<8 hex>' );
logto_bridge_check( User_Names::login( $sub ) === $fallback, 'the same Logto account always gets the same fallback' );
logto_bridge_check( User_Names::login( array( 'sub' => 'other' ) ) !== $fallback, 'another account another one' );
logto_bridge_check(
	0 === strpos(
		User_Names::login(
			$sub + array(
				'username'     => '8613800138000',
				'phone_number' => '8613800138000',
			)
		),
		'user-'
	),
	'the phone digits are never the login'
);
logto_bridge_check(
	0 === strpos( User_Names::login( $sub + array( 'username' => 'a@example.com' ) ), 'user-' ),
	'an email is never the login'
);
$taken[] = $fallback;
logto_bridge_check( User_Names::login( $sub ) === $fallback . '-2', 'a taken fallback gets -2' );
logto_bridge_check(
	'Paula Logto' === User_Names::display_name( $sub + array( 'name' => 'Paula Logto' ) ),
	'the display name is Logto\'s name'
);
logto_bridge_check(
	1 === preg_match(
		'/^Member [0-9A-F]{4}$/',
		User_Names::display_name(
			$sub + array(
				'name'         => '+86 138 0013 8000',
				'phone_number' => '8613800138000',
			)
		)
	),
	'a phone as name gives "Member XXXX"'
);
logto_bridge_check(
	array( 'first_name' => 'Paula' ) === User_Names::names( array( 'given_name' => 'Paula' ) ),
	'given_name is the first name'
);

// Roles: no mapping leaves roles to WordPress; mapped roles win, else the default role.
logto_bridge_check( null === Roles::target( array( 'editor' ) ), 'no mapping: no target' );
$options['logto_bridge_settings'] = array(
	'role_mapping' => array(
		array(
			'logto_role' => 'wordpress:editor',
			'wp_role'    => 'editor',
		),
		array(
			'logto_role' => 'editor',
			'wp_role'    => 'editor',
		),
		array(
			'logto_role' => 'wordpress:author',
			'wp_role'    => 'author',
		),
	),
	'default_role' => 'subscriber',
);
logto_bridge_check(
	array( 'editor' ) === Roles::target( array( 'wordpress:editor', 'editor' ) ),
	'two Logto roles mapped to one WordPress role give it once'
);
logto_bridge_check(
	array( 'editor', 'author' ) === Roles::target( array( 'wordpress:author', 'wordpress:editor' ) ),
	'every mapped role, in the mapping\'s order'
);
logto_bridge_check(
	array( 'subscriber' ) === Roles::target( array( 'unmapped' ) ),
	'nothing mapped: the default role'
);

logto_bridge_report();
