<?php
/**
 * CLI test (php plugin/tests/test-settings-upgrade.php): the settings' schema version and the
 * migration of 0.1.0's data, against stand-ins of the option functions.
 *
 * @package LogtoBridge
 */

require __DIR__ . '/bootstrap.php';
logto_bridge_require(
	array(
		'settings/class-settings',
		'settings/class-settings-fields',
		'settings/class-settings-validator',
		'settings/class-settings-upgrade',
		'settings/class-logto-params',
	)
);
require __DIR__ . '/site-stand-ins.php';

use LogtoBridge\Settings_Upgrade as Upgrade;

const MINUTE_IN_SECONDS = 60;

// 0.1.0's settings as its settings screen saved them: every field, valid by today's rules.
$logto_bridge_v010 = array(
	'endpoint'       => 'https://logto.example',
	'app_id'         => 'wpapp123',
	'app_secret'     => 'app-secret-value',
	'api_resource'   => 'https://blog.example/wp-json',
	'api_clients'    => array( 'mobile1' ),
	'bridge_url'     => 'https://auth.blog.example',
	'scopes'         => 'openid profile email phone roles',
	'extra_params'   => array( 'first_screen' => 'identifier:sign_in' ),
	'login_mode'     => 'phone',
	'allow_password' => true,
	'create_users'   => true,
	'default_role'   => 'subscriber',
	'role_mapping'   => array(
		array(
			'logto_role' => 'editor',
			'wp_role'    => 'editor',
		),
	),
	'redirect_after' => '/members/',
);

// A fresh install: nothing to migrate, the version only.
$options = array();
Upgrade::maybe_upgrade();
logto_bridge_check(
	array( Upgrade::OPTION => Upgrade::SCHEMA ) === $options,
	'a fresh install stores its schema, nothing else'
);

// 0.1.0's valid data: kept as it was, now versioned, no notice.
$options = array(
	'logto_bridge_settings' => $logto_bridge_v010,
	'logto_bridge_secret'   => 'shared',
);
Upgrade::maybe_upgrade();
logto_bridge_check(
	$logto_bridge_v010 === $options['logto_bridge_settings'],
	'0.1.0 settings that pass today’s checks are kept'
);
logto_bridge_check( 2 === $options[ Upgrade::OPTION ], 'and carry schema 2' );
logto_bridge_check( ! isset( $options[ Upgrade::RESET_OPTION ] ), 'with nothing to tell the admin' );
logto_bridge_check( ! isset( $options[ Upgrade::LOCK_OPTION ] ), 'and the lock released' );

// 0.1.0 took a redirect to another site: reset, and the admin told why.
$options = array(
	'logto_bridge_settings' => array( 'redirect_after' => 'https://evil.example/' ) + $logto_bridge_v010,
);
Upgrade::maybe_upgrade();
logto_bridge_check(
	! isset( $options['logto_bridge_settings']['redirect_after'] ),
	'an off-site redirect is reset to its default'
);
logto_bridge_check( 'phone' === $options['logto_bridge_settings']['login_mode'], 'the other settings stay' );
logto_bridge_check(
	array( 'redirect_after' ) === array_keys( $options[ Upgrade::RESET_OPTION ] ?? array() )
		&& '' !== $options[ Upgrade::RESET_OPTION ]['redirect_after'],
	'the reset is recorded with its reason'
);
$logto_bridge_after = $options;
Upgrade::maybe_upgrade();
logto_bridge_check( $logto_bridge_after === $options, 'a second load changes nothing' );

// Another request holds the lock: this one goes on without migrating; a dead request's lock is taken over.
$options = array(
	'logto_bridge_settings' => array( 'redirect_after' => 'https://evil.example/' ),
	Upgrade::LOCK_OPTION    => time(),
);
Upgrade::maybe_upgrade();
logto_bridge_check( ! isset( $options[ Upgrade::OPTION ] ), 'while another request migrates, no version is written' );
$options[ Upgrade::LOCK_OPTION ] = time() - 120;
Upgrade::maybe_upgrade();
logto_bridge_check(
	2 === ( $options[ Upgrade::OPTION ] ?? 0 ) && ! isset( $options['logto_bridge_settings']['redirect_after'] ),
	'a stale lock is taken over'
);

// A newer release's data (the plugin downgraded): left alone.
$options            = array(
	Upgrade::OPTION         => 3,
	'logto_bridge_settings' => array( 'redirect_after' => 'https://evil.example/' ),
);
$logto_bridge_newer = $options;
Upgrade::maybe_upgrade();
logto_bridge_check( $logto_bridge_newer === $options, 'data of a newer schema is never rewritten' );

logto_bridge_report();
