<?php
/**
 * Fault tests only (mounted by e2e/faults/fault-stack.ts, never shipped): while the option
 * `logto_faults_die_on_register` is set, the PHP request creating a user ends right after
 * WordPress has written it (as a fatal error, a timeout or a killed worker would), before the
 * sign-in has linked it to Logto.
 *
 * @package LogtoBridge
 */

add_action(
	'user_register',
	static function () {
		if ( get_option( 'logto_faults_die_on_register' ) ) {
			exit;
		}
	}
);
