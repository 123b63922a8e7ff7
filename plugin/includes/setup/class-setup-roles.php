<?php
/**
 * The WordPress roles the setup wizard creates in Logto.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Turns the wizard's chosen roles into role-mapping rows and Logto roles (`wordpress:<role>`).
 */
final class Setup_Roles {

	/**
	 * The mapping rows for the chosen roles; refused for an unknown or powerful role.
	 *
	 * @param array<int,array<string,mixed>> $requested Rows with `wp_role` and `is_default`.
	 * @return array<int,array{wp_role: string, logto_role: string, is_default: bool, label: string}>|\WP_Error
	 */
	public static function rows( array $requested ) {
		$names = wp_roles()->get_names();
		$rows  = array();
		foreach ( $requested as $row ) {
			$wp_role = sanitize_key( (string) ( $row['wp_role'] ?? '' ) );
			if ( ! isset( $names[ $wp_role ] ) ) {
				return new \WP_Error(
					'logto_bridge_setup_invalid',
					/* translators: %s: a role slug. */
					sprintf( __( 'There is no WordPress role "%s".', 'logto-bridge' ), $wp_role ),
					array( 'status' => 400 )
				);
			}
			if ( Roles::is_powerful( $wp_role ) ) {
				// Never through Logto's roles (a default one reaches every new user of the tenant).
				return new \WP_Error(
					'logto_bridge_setup_invalid',
					sprintf(
						/* translators: %s: a role name, e.g. Administrator. */
						__(
							'The setup wizard does not create a Logto role for %s: that role can change settings or give out roles. Map it by hand in the role mapping if Logto should manage it.',
							'logto-bridge'
						),
						translate_user_role( $names[ $wp_role ] )
					),
					array( 'status' => 400 )
				);
			}
			$rows[] = array(
				'wp_role'    => $wp_role,
				'logto_role' => 'wordpress:' . $wp_role,
				'is_default' => ! empty( $row['is_default'] ),
				'label'      => translate_user_role( $names[ $wp_role ] ),
			);
		}
		return $rows;
	}

	/**
	 * The Logto roles to create for those rows.
	 *
	 * @param array<int,array<string,mixed>> $rows Rows from rows().
	 * @return array<int,array{name: string, description: string, isDefault: bool}>
	 */
	public static function for_logto( array $rows ) {
		return array_map(
			static function ( $row ) {
				return array(
					'name'        => $row['logto_role'],
					/* translators: %s: a WordPress role name, e.g. Editor. */
					'description' => sprintf( __( 'WordPress role: %s', 'logto-bridge' ), $row['label'] ),
					'isDefault'   => $row['is_default'],
				);
			},
			$rows
		);
	}
}
