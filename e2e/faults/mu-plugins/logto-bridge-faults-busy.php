<?php
/**
 * Fault tests only (mounted by e2e/faults/fault-stack.ts, never shipped): `?logto_faults_busy=N`
 * holds the PHP worker that serves it for N seconds (30 at most), so a test can make every
 * php-fpm worker busy at once.
 *
 * @package LogtoBridge
 */

// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a test switch on a test stack.
if ( isset( $_GET['logto_faults_busy'] ) ) {
	sleep( min( 30, max( 0, (int) $_GET['logto_faults_busy'] ) ) );
	exit;
}
