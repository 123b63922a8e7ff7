<?php
/**
 * WordPress roles that follow the user's Logto roles.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Role mapping: once the admin has written at least one row, the mapped roles are
 * authoritative, so a role removed in Logto is removed in WordPress at the next sign-in.
 */
final class Roles {

	/**
	 * The roles the user must hold for these Logto roles: the mapped ones, or the default role
	 * when none maps. Null when there is no mapping at all (roles are then WordPress's alone).
	 *
	 * @param string[] $logto_roles Role names from Logto.
	 * @return string[]|null
	 */
	public static function target( array $logto_roles ) {
		$s    = Settings::get();
		$rows = (array) $s['role_mapping'];
		if ( ! $rows ) {
			return null;
		}
		$mapped = array();
		foreach ( $rows as $row ) {
			if ( in_array( $row['logto_role'], $logto_roles, true ) && ! in_array( $row['wp_role'], $mapped, true ) ) {
				$mapped[] = $row['wp_role'];
			}
		}
		return $mapped ? $mapped : array( (string) $s['default_role'] );
	}

	/**
	 * Whether a role can run the site: Administrator, or any role that can change settings or
	 * give out roles. No one becomes that by signing up or through the setup wizard.
	 *
	 * @param string $slug Role slug.
	 * @return bool
	 */
	public static function is_powerful( $slug ) {
		if ( 'administrator' === $slug ) {
			return true;
		}
		$role = get_role( $slug );
		return $role && ( $role->has_cap( 'manage_options' ) || $role->has_cap( 'promote_users' ) );
	}

	/**
	 * Whether no other administrator exists: demoting this one would lock everyone out.
	 *
	 * @return bool
	 */
	private static function is_last_administrator() {
		return count(
			get_users(
				array(
					'role'   => 'administrator',
					'fields' => 'ID',
					'number' => 2,
				)
			)
		) < 2;
	}

	/**
	 * Makes the user's roles exactly the target roles. Administrators are left alone unless
	 * "Logto also manages administrators" is on: a Logto edit must not lock the site's owner out.
	 *
	 * @param \WP_User $user        User.
	 * @param string[] $logto_roles Role names from Logto.
	 */
	public static function apply( \WP_User $user, array $logto_roles ) {
		$target = self::target( $logto_roles );
		if ( null === $target ) {
			return;
		}
		// A super admin runs the whole network whatever their role here: Logto may not touch them
		// unless the network lets Logto manage administrators.
		if ( is_multisite() && is_super_admin( $user->ID ) && ! Settings::get()['manage_admins'] ) {
			return;
		}
		if ( in_array( 'administrator', $user->roles, true )
			&& ( ! Settings::get()['manage_admins'] || self::is_last_administrator() )
		) {
			return;
		}
		$current = array_values( $user->roles );
		sort( $current );
		$wanted = $target;
		sort( $wanted );
		if ( $current === $wanted ) {
			return;
		}
		$user->set_role( array_shift( $target ) );
		foreach ( $target as $role ) {
			$user->add_role( $role );
		}
	}

	/**
	 * The role mapping merged with the wizard's rows, saved: a missing row is added, a row that
	 * maps the same Logto role to another WordPress role is replaced.
	 *
	 * @param array<int,array{logto_role: string, wp_role: string}> $rows    Rows to merge.
	 * @param bool                                                  $network The network's mapping.
	 * @return array|\WP_Error The mapping and what happened to each row (added, replaced, also), or why it
	 *                         was not saved.
	 */
	public static function add_rows( array $rows, $network = false ) {
		$mapping = ( $network ? Settings::network_get() : Settings::get() )['role_mapping'];
		$report  = array();
		foreach ( $rows as $row ) {
			$found = array_search( $row['logto_role'], array_column( $mapping, 'logto_role' ), true );
			if ( false === $found ) {
				$mapping[] = array(
					'logto_role' => $row['logto_role'],
					'wp_role'    => $row['wp_role'],
				);
				$report[]  = array(
					'logto_role' => $row['logto_role'],
					'wp_role'    => $row['wp_role'],
					'action'     => 'added',
				);
			} elseif ( $mapping[ $found ]['wp_role'] !== $row['wp_role'] ) {
				// One row per Logto role: the wizard's role `wordpress:<role>` names its role, so a row that
				// mapped it elsewhere is replaced, not left to contradict it.
				$report[] = array(
					'logto_role' => $row['logto_role'],
					'wp_role'    => $row['wp_role'],
					'action'     => 'replaced',
					'was'        => $mapping[ $found ]['wp_role'],
				);
				// The report keeps the old role; then the row follows the wizard's.
				$mapping[ $found ]['wp_role'] = $row['wp_role'];
			}
			// Other Logto roles mapped to the same WordPress role stay: removing them would demote
			// the people who have them. They are listed so the admin sees them.
			foreach ( $mapping as $other ) {
				if ( $other['wp_role'] === $row['wp_role'] && $other['logto_role'] !== $row['logto_role'] ) {
					$report[] = array(
						'logto_role' => $other['logto_role'],
						'wp_role'    => $other['wp_role'],
						'action'     => 'also',
					);
				}
			}
		}
		$saved = Settings::update( array( 'role_mapping' => $mapping ), $network );
		return is_wp_error( $saved ) ? $saved : array( $mapping, $report );
	}
}
