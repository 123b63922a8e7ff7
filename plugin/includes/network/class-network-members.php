<?php
/**
 * Members of a multisite network: a Logto member is one user of the network, added to each
 * site with that site's role, on their first sign-in there or, already signed in elsewhere on
 * the network (one cookie on a subdirectory network), when they first open its dashboard.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds Logto members to the sites of a network.
 */
final class Network_Members {

	/**
	 * The member's Logto roles at their last sign-in (network-wide user meta): each site maps
	 * them with its own role mapping.
	 */
	const META_ROLES = 'logto_roles';

	/**
	 * At a sign-in on this site: a member of the network who is not yet a member here joins it
	 * with the site's default role (the role mapping runs next), when the site adds members.
	 *
	 * @param \WP_User $user The member, found by their Logto subject.
	 * @return true|\WP_Error
	 */
	public static function join( \WP_User $user ) {
		if ( ! is_multisite() || is_user_member_of_blog( $user->ID ) ) {
			return true;
		}
		$s = Settings::get();
		if ( ! $s['create_users'] ) {
			return new \WP_Error( 'no_account', 'not a member of this site, and it adds no members' );
		}
		add_user_to_blog( get_current_blog_id(), $user->ID, (string) $s['default_role'] );
		$user->for_site( get_current_blog_id() );
		return true;
	}

	/**
	 * On `init` of a network's site: a Logto member signed in elsewhere on the network who opens
	 * this site's dashboard for the first time joins with the role this site maps their Logto
	 * roles to. Only in wp-admin: a page, a feed or the browser's /favicon.ico (served by the main
	 * site) is no reason to join a site. Super admins, users Logto never signed in, and sites
	 * that add no members are left alone.
	 */
	public static function on_visit() {
		if ( ! is_admin() || ! is_user_logged_in() || ! Network::is_active() ) {
			return;
		}
		$id = get_current_user_id();
		if ( is_user_member_of_blog( $id ) || is_super_admin( $id ) || '' === Users::sub_of( $id ) ) {
			return;
		}
		$s = Settings::get();
		if ( ! $s['create_users'] ) {
			return;
		}
		add_user_to_blog( get_current_blog_id(), $id, (string) $s['default_role'] );
		// The current user object, reloaded: this very request goes on with the roles just given.
		$user = wp_get_current_user();
		$user->for_site( get_current_blog_id() );
		$roles = get_user_meta( $id, self::META_ROLES, true );
		if ( is_array( $roles ) ) {
			Roles::apply( $user, array_map( 'strval', $roles ) );
		}
	}
}
