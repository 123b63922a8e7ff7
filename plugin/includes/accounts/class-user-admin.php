<?php
/**
 * Logto in the Users screens: a column and filters in the list, a section on the profile.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * What an administrator needs to see and undo about a user's Logto link.
 */
final class User_Admin {

	const FILTER = 'logto';
	const UNLINK = 'logto_bridge_unlink';

	/**
	 * Adds the Logto column to Users > All Users.
	 *
	 * @param array<string,string> $columns Columns.
	 * @return array<string,string>
	 */
	public static function columns( $columns ) {
		$columns['logto'] = __( 'Logto', 'logto-bridge' );
		return $columns;
	}

	/**
	 * The Logto column: linked or not, and the verified phone for those who may edit users.
	 *
	 * @param string $output  Output so far.
	 * @param string $column  Column name.
	 * @param int    $user_id User ID.
	 * @return string
	 */
	public static function column( $output, $column, $user_id ) {
		if ( 'logto' !== $column ) {
			return $output;
		}
		if ( '' === Users::sub_of( $user_id ) ) {
			return esc_html__( 'Not linked', 'logto-bridge' );
		}
		$phone = (string) get_user_meta( $user_id, Users::META_PHONE, true );
		$html  = esc_html__( 'Linked', 'logto-bridge' );
		if ( '' !== $phone && current_user_can( 'edit_users' ) ) {
			$html .= '<br /><span class="logto-bridge-phone">' . esc_html( $phone ) . '</span>';
		}
		return $html;
	}

	/**
	 * "Linked to Logto" and "Not linked to Logto" views above the list.
	 *
	 * @param array<string,string> $views Views.
	 * @return array<string,string>
	 */
	public static function views( $views ) {
		$current = self::requested_filter();
		foreach ( array(
			'linked'   => __( 'Linked to Logto', 'logto-bridge' ),
			'unlinked' => __( 'Not linked to Logto', 'logto-bridge' ),
		) as $value => $label ) {
			$url                        = add_query_arg( self::FILTER, $value, admin_url( 'users.php' ) );
			$views[ 'logto-' . $value ] = sprintf(
				'<a href="%s"%s>%s</a>',
				esc_url( $url ),
				$current === $value ? ' class="current" aria-current="page"' : '',
				esc_html( $label )
			);
		}
		return $views;
	}

	/**
	 * Narrows the Users list to the chosen view.
	 *
	 * @param \WP_User_Query $query Query.
	 */
	public static function filter_query( $query ) {
		$filter = self::requested_filter();
		if ( '' === $filter || ! is_admin() || 'users.php' !== ( $GLOBALS['pagenow'] ?? '' ) ) {
			return;
		}
		$query->set(
			'meta_query',
			array(
				array(
					'key'     => Users::META_SUB,
					'compare' => 'linked' === $filter ? 'EXISTS' : 'NOT EXISTS',
				),
			)
		);
	}

	/**
	 * The Logto section of a profile: to administrators, and to the user on their own profile.
	 *
	 * @param \WP_User $user Profile shown.
	 */
	public static function profile_section( $user ) {
		$sub = Users::sub_of( $user->ID );
		echo '<h2>' . esc_html__( 'Logto', 'logto-bridge' ) . '</h2><table class="form-table" role="presentation">';
		if ( '' === $sub ) {
			printf(
				'<tr><th>%s</th><td>%s</td></tr></table>',
				esc_html__( 'Account', 'logto-bridge' ),
				esc_html__( 'Not linked to Logto.', 'logto-bridge' )
			);
			return;
		}
		$phone  = (string) get_user_meta( $user->ID, Users::META_PHONE, true );
		$last   = (int) get_user_meta( $user->ID, Users::META_LAST_SIGN_IN, true );
		$format = get_option( 'date_format' ) . ' ' . get_option( 'time_format' );
		$rows   = array(
			__( 'Logto user ID', 'logto-bridge' )      => '<code>' . esc_html( $sub ) . '</code>',
			__( 'Phone number', 'logto-bridge' )       => '' !== $phone ? esc_html( $phone ) : '—',
			__( 'Last Logto sign-in', 'logto-bridge' ) => $last ? esc_html( wp_date( $format, $last ) ) : '—',
		);
		foreach ( $rows as $label => $value ) {
			// phpcs:ignore WordPress.Security.EscapeOutput -- escaped above.
			echo '<tr><th>' . esc_html( $label ) . '</th><td>' . $value . '</td></tr>';
		}
		if ( current_user_can( 'edit_users' ) ) {
			echo '<tr><th>' . esc_html__( 'Link', 'logto-bridge' ) . '</th><td>';
			wp_nonce_field( self::UNLINK . '_' . $user->ID, self::UNLINK . '_nonce' );
			printf(
				'<button type="submit" class="button" name="%s" value="1">%s</button><p class="description">%s</p></td></tr>',
				esc_attr( self::UNLINK ),
				esc_html__( 'Unlink from Logto', 'logto-bridge' ),
				esc_html__(
					'The next Logto sign-in with this account will not find this user; it is linked or created again by the sign-in settings.',
					'logto-bridge'
				)
			);
		}
		echo '</table>';
	}

	/**
	 * Unlinks when the profile form was sent with the Unlink button (nonce, edit_users).
	 *
	 * @param int $user_id Profile saved.
	 */
	public static function maybe_unlink( $user_id ) {
		if ( ! isset( $_POST[ self::UNLINK ] ) ) {
			return;
		}
		check_admin_referer( self::UNLINK . '_' . $user_id, self::UNLINK . '_nonce' );
		if ( ! current_user_can( 'edit_users' ) || ! current_user_can( 'edit_user', $user_id ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to unlink this user.', 'logto-bridge' ), 403 );
		}
		// The phone goes too: with linking by phone on, it would link the same account straight back.
		foreach ( array( Users::META_SUB, Users::META_PHONE, Users::META_LAST_SIGN_IN ) as $key ) {
			delete_user_meta( $user_id, $key );
		}
	}

	/**
	 * No "Send password reset" for a Logto user without an email: there is nowhere to send it.
	 *
	 * @param bool $allow   Whether WordPress would allow it.
	 * @param int  $user_id User.
	 * @return bool
	 */
	public static function allow_password_reset( $allow, $user_id ) {
		$user = get_userdata( $user_id );
		if ( $allow && $user && '' === (string) $user->user_email && '' !== Users::sub_of( $user_id ) ) {
			return false;
		}
		return $allow;
	}

	/**
	 * Drops the "Send password reset" row action where a reset is not allowed.
	 *
	 * @param array<string,string> $actions Row actions.
	 * @param \WP_User             $user    User.
	 * @return array<string,string>
	 */
	public static function row_actions( $actions, $user ) {
		if ( isset( $actions['resetpassword'] ) && ! self::allow_password_reset( true, $user->ID ) ) {
			unset( $actions['resetpassword'] );
		}
		return $actions;
	}

	/**
	 * The view asked for in the Users list URL.
	 *
	 * @return string linked | unlinked | ''.
	 */
	private static function requested_filter() {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a list filter, read only.
		$value = isset( $_GET[ self::FILTER ] ) ? sanitize_key( wp_unslash( $_GET[ self::FILTER ] ) ) : '';
		return in_array( $value, array( 'linked', 'unlinked' ), true ) ? $value : '';
	}
}
