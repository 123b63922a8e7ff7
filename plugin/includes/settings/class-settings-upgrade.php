<?php
/**
 * The settings' schema version and the migrations between versions.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * A site updated in place (a zip uploaded over the plugin, or an automatic update) never runs
 * the activation hook, so the stored version is compared on every load (one autoloaded option)
 * and each missing step runs once, under a lock. 0.1.0 stored no version: its data is schema 1.
 * Data of a newer schema (the plugin downgraded) is left alone, never rewritten.
 */
final class Settings_Upgrade {

	const OPTION = 'logto_bridge_schema';

	/**
	 * The shape of the options this release writes.
	 */
	const SCHEMA = 2;

	/**
	 * Field => the reason it was reset, shown to administrators until the settings are saved.
	 */
	const RESET_OPTION = 'logto_bridge_upgrade_reset';

	const LOCK_OPTION = 'logto_bridge_upgrade_lock';

	/**
	 * The fields whose rules were tightened after 0.1.0: its stored values are checked again.
	 */
	const TIGHTENED_AFTER_1 = array( 'redirect_after' );

	/**
	 * Brings stored data to SCHEMA when it is older (plugins_loaded).
	 */
	public static function maybe_upgrade() {
		$stored = (int) get_option( self::OPTION, 0 );
		if ( $stored >= self::SCHEMA ) {
			return;
		}
		if ( 0 === $stored ) {
			// No version: 0.1.0's data, or none at all (a fresh install needs no step).
			$had_data = false !== get_option( Settings::OPTION ) || false !== get_option( Settings::SECRET_OPTION );
			$stored   = $had_data ? 1 : self::SCHEMA;
		}
		if ( $stored < self::SCHEMA ) {
			// One request migrates; the others go on with the data as it is. A lock left by a
			// request that died is taken over after a minute.
			if ( ! add_option( self::LOCK_OPTION, time(), '', false ) ) {
				if ( time() - (int) get_option( self::LOCK_OPTION, 0 ) < MINUTE_IN_SECONDS ) {
					return;
				}
				update_option( self::LOCK_OPTION, time(), false );
			}
			for ( $from = $stored; $from < self::SCHEMA; $from++ ) {
				call_user_func( array( __CLASS__, 'from_' . $from ) );
			}
			delete_option( self::LOCK_OPTION );
		}
		update_option( self::OPTION, self::SCHEMA, true );
	}

	/**
	 * 1 (0.1.0) to 2: 0.1.0 took a "Redirect after sign-in" on another site. Stored values of the
	 * fields tightened since are checked again; one refused now is reset to its default and the
	 * administrators are told which and why, instead of the site keeping what it now refuses.
	 */
	private static function from_1() {
		$stored = get_option( Settings::OPTION );
		if ( ! is_array( $stored ) ) {
			return;
		}
		$reset = array();
		foreach ( array_intersect_key( $stored, array_flip( self::TIGHTENED_AFTER_1 ) ) as $key => $value ) {
			$clean = call_user_func( Settings_Fields::validator( $key ), $value, $key );
			if ( is_wp_error( $clean ) ) {
				unset( $stored[ $key ] );
				$reset[ $key ] = $clean->get_error_message();
			} elseif ( null !== $clean ) {
				$stored[ $key ] = $clean;
			}
		}
		update_option( Settings::OPTION, $stored, true );
		if ( $reset ) {
			update_option( self::RESET_OPTION, $reset, false );
		}
	}

	/**
	 * Tells administrators which settings the upgrade reset, and why (admin_notices).
	 */
	public static function notice() {
		$reset = get_option( self::RESET_OPTION );
		if ( ! is_array( $reset ) || ! $reset || ! current_user_can( 'manage_options' ) ) {
			return;
		}
		echo '<div class="notice notice-warning"><p>';
		esc_html_e(
			'Logto Bridge was updated. These settings no longer passed its checks and were reset to their defaults; review them under Logto > Settings:',
			'logto-bridge'
		);
		echo '</p><ul>';
		foreach ( $reset as $reason ) {
			echo '<li>' . esc_html( (string) $reason ) . '</li>';
		}
		echo '</ul></div>';
	}
}
