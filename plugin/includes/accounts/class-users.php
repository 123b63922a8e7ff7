<?php
/**
 * Finds, links or creates the WordPress user for verified Logto claims, and maps roles.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * The one place that turns a Logto identity into a WordPress user.
 */
final class Users {

	const META_SUB   = 'logto_sub';
	const META_PHONE = 'logto_phone';
	// Unix time of the user's last sign-in through Logto (shown on the profile).
	const META_LAST_SIGN_IN = 'logto_last_sign_in';

	/**
	 * The WordPress user for these claims: by logto_sub, else (when allowed) a `link_pending`
	 * error for an existing user that must confirm by email, else created when allowed. Never
	 * half-creates a user.
	 *
	 * @param array<string,mixed> $claims Verified claims from the bridge.
	 * @return \WP_User|\WP_Error
	 */
	public static function resolve( array $claims ) {
		$sub = (string) $claims['sub'];
		if ( '' === $sub ) {
			return new \WP_Error( 'account_error', 'no sub' );
		}
		$user = self::find_by_sub( $sub );
		if ( $user ) {
			return Account_Writes::in_one_transaction(
				static function () use ( $user, $claims ) {
					$joined = is_multisite() ? Network_Members::join( $user ) : true;
					if ( is_wp_error( $joined ) ) {
						return $joined;
					}
					self::apply( $user, $claims, false );
					return $user;
				}
			);
		}

		// Action: no user is linked yet, before the lock (tests hold a racing request here).
		do_action( 'logto_bridge_before_lock', $claims );
		// Two callbacks for one new sub at once: one creates; the other must not wait here (a sleeping
		// request keeps the database busy), so it reports busy and Sign_In_Retry resumes it afresh.
		$lock = 'logto_bridge_lock_' . md5( $sub );
		if ( ! Account_Writes::acquire( $lock ) ) {
			return new \WP_Error( 'busy', 'another sign-in for this account is in progress' );
		}
		try {
			return Account_Writes::in_one_transaction(
				static function () use ( $sub, $claims ) {
					// Asked again under the lock: a request that held it may have just created the user.
					$found = self::find_by_sub( $sub, true );
					$user  = $found ? $found : self::link( $claims );
					if ( is_wp_error( $user ) ) {
						return $user;
					}
					$created = false;
					if ( ! $user ) {
						// Action: just before a user is created for a new Logto account (tests widen the race here).
						do_action( 'logto_bridge_before_create_user', $claims );
						$user = self::create( $claims );
						if ( is_wp_error( $user ) ) {
							return $user;
						}
						$created = true;
					}
					self::put_meta( $user->ID, self::META_SUB, $sub, $created );
					self::apply( $user, $claims, $created );
					return $user;
				}
			);
		} finally {
			Account_Writes::release( $lock );
		}
	}

	/**
	 * The Logto subject a user is linked to, '' when none.
	 *
	 * @param int $user_id User ID.
	 * @return string
	 */
	public static function sub_of( $user_id ) {
		return (string) get_user_meta( $user_id, self::META_SUB, true );
	}

	/**
	 * The user linked to a Logto subject.
	 *
	 * @param string $sub   Logto subject.
	 * @param bool   $fresh Ask the database, not this request's query cache (which still holds
	 *                      an earlier "none" while another request created the user).
	 * @return \WP_User|null
	 */
	public static function find_by_sub( $sub, $fresh = false ) {
		$users = get_users(
			array(
				'meta_key'      => self::META_SUB, // phpcs:ignore WordPress.DB.SlowDBQuery -- sign-in steps only.
				'meta_value'    => $sub, // phpcs:ignore WordPress.DB.SlowDBQuery
				'number'        => 1,
				'cache_results' => ! $fresh,
				// A network's users are the network's: the member may not be on this site yet.
				'blog_id'       => 0,
			)
		);
		return $users ? $users[0] : null;
	}

	/**
	 * An existing user matched by email or phone, only where the admin allows it; never linked
	 * here: the match is a `link_pending` error carrying the user, and Account_Link asks that
	 * account's owner to confirm. Logto's *_verified flags mean "present", so they prove nothing.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @return null|\WP_Error
	 */
	private static function link( array $claims ) {
		$s    = Settings::get();
		$user = null;
		if ( $s['link_by_email'] && ! empty( $claims['email'] ) ) {
			$found = get_user_by( 'email', (string) $claims['email'] );
			$user  = $found ? $found : null;
		}
		if ( ! $user && $s['link_by_phone'] && ! empty( $claims['phone_number'] ) ) {
			$users = get_users(
				array(
					'meta_key'   => self::META_PHONE, // phpcs:ignore WordPress.DB.SlowDBQuery
					// phpcs:ignore WordPress.DB.SlowDBQuery
					'meta_value' => self::e164( (string) $claims['phone_number'] ),
					'number'     => 1,
					'blog_id'    => 0,
				)
			);
			$user  = $users ? $users[0] : null;
		}
		if ( $user && '' !== self::sub_of( $user->ID ) ) {
			// Already linked to another Logto account: never re-link silently.
			return new \WP_Error( 'already_linked', 'matching user linked to another Logto account' );
		}
		if ( $user && user_can( $user, 'manage_options' ) && ! $s['allow_admin_linking'] ) {
			return new \WP_Error( 'admin_link_refused', 'refusing to link an administrator' );
		}
		return $user
			? new \WP_Error( 'link_pending', 'the existing account must confirm', array( 'user' => $user ) )
			: null;
	}

	/**
	 * Creates a user with a unique username and no email required.
	 *
	 * @param array<string,mixed> $claims Claims.
	 * @return \WP_User|\WP_Error
	 */
	private static function create( array $claims ) {
		$s = Settings::get();
		if ( ! $s['create_users'] ) {
			return new \WP_Error( 'no_account', 'creating users is off' );
		}
		$verified = ! empty( $claims['email'] ) && true === ( $claims['email_verified'] ?? false );
		$email    = ( $verified && ! email_exists( (string) $claims['email'] ) )
			? sanitize_email( (string) $claims['email'] )
			: '';
		$name     = User_Names::display_name( $claims );
		// The password is 32 random characters nobody is told. bcrypt's cost (WordPress 6.8+; 12 on
		// PHP 8.4, about a quarter second) slows the guessing of chosen passwords, not of this one:
		// hashed at the lowest cost. A password the member sets later gets the site's own cost.
		add_filter( 'wp_hash_password_options', array( self::class, 'lowest_cost' ) );
		$id = wp_insert_user(
			array(
				'user_login'   => User_Names::login( $claims ),
				'user_pass'    => wp_generate_password( 32, true, true ),
				'user_email'   => $email,
				'display_name' => $name,
				'nickname'     => $name,
				'role'         => (string) $s['default_role'],
			) + User_Names::names( $claims )
		);
		remove_filter( 'wp_hash_password_options', array( self::class, 'lowest_cost' ) );
		if ( is_wp_error( $id ) ) {
			return new \WP_Error( 'account_error', $id->get_error_message() );
		}
		return get_user_by( 'id', $id );
	}

	/**
	 * The `wp_hash_password_options` filter while create() hashes a random password: bcrypt's
	 * lowest cost.
	 *
	 * @param array<string,mixed> $options Hashing options.
	 * @return array<string,mixed>
	 */
	public static function lowest_cost( $options ) {
		return array( 'cost' => 4 ) + (array) $options;
	}

	/**
	 * What a sign-in does to a linked user (phone, profile, roles): for Account_Link, whose
	 * click links a user outside resolve().
	 *
	 * @param \WP_User            $user   User just linked.
	 * @param array<string,mixed> $claims Claims kept from the sign-in that asked for the link.
	 */
	public static function sync( \WP_User $user, array $claims ) {
		self::apply( $user, $claims, false );
	}

	/**
	 * Stores the phone, syncs the profile when asked, and maps roles.
	 *
	 * @param \WP_User            $user    User.
	 * @param array<string,mixed> $claims  Claims.
	 * @param bool                $created Whether the user was just created.
	 */
	private static function apply( \WP_User $user, array $claims, $created ) {
		$s = Settings::get();
		self::put_meta( $user->ID, self::META_LAST_SIGN_IN, time(), $created );
		if ( ! empty( $claims['phone_number'] ) && true === ( $claims['phone_number_verified'] ?? false ) ) {
			self::put_meta( $user->ID, self::META_PHONE, self::e164( (string) $claims['phone_number'] ), $created );
		}
		if ( $s['sync_profile'] && ! $created ) {
			$update = array( 'ID' => $user->ID ) + User_Names::names( $claims );
			if ( ! empty( $claims['name'] ) ) {
				$update['display_name'] = sanitize_text_field( (string) $claims['name'] );
			}
			if ( ! empty( $claims['email'] ) && true === ( $claims['email_verified'] ?? false ) ) {
				$owner = email_exists( (string) $claims['email'] );
				if ( ! $owner || (int) $owner === $user->ID ) {
					$update['user_email'] = sanitize_email( (string) $claims['email'] );
				}
			}
			if ( count( $update ) > 1 ) {
				wp_update_user( $update );
			}
		}
		// No roles claim (an app that did not ask for the roles scope) says nothing about roles.
		if ( isset( $claims['roles'] ) && is_array( $claims['roles'] ) ) {
			Roles::apply( $user, array_map( 'strval', $claims['roles'] ) );
			// On a network, the other sites map them when the member first comes there.
			if ( is_multisite() ) {
				update_user_meta( $user->ID, Network_Members::META_ROLES, array_map( 'strval', $claims['roles'] ) );
			}
		}
	}

	/**
	 * Writes one of our rows: added to a user just created, who has none yet (update_user_meta()
	 * would first look for the row), else updated.
	 *
	 * @param int    $user_id User ID.
	 * @param string $key     Meta key.
	 * @param mixed  $value   Value.
	 * @param bool   $created Whether the user was just created.
	 */
	private static function put_meta( $user_id, $key, $value, $created ) {
		if ( $created ) {
			add_user_meta( $user_id, $key, $value );
		} else {
			update_user_meta( $user_id, $key, $value );
		}
	}

	/**
	 * The verified phone in the REST API's `edit` context only, which WordPress grants to the
	 * user themselves and to those who may edit them; read-only there (sign-in writes it).
	 */
	public static function register_meta() {
		register_meta(
			'user',
			self::META_PHONE,
			array(
				'type'          => 'string',
				'single'        => true,
				'description'   => __( 'Phone number verified at Logto (E.164).', 'logto-bridge' ),
				'auth_callback' => '__return_false',
				'show_in_rest'  => array( 'schema' => array( 'context' => array( 'edit' ) ) ),
			)
		);
	}

	/**
	 * Logto sends digits only; we store E.164.
	 *
	 * @param string $phone Phone number.
	 * @return string
	 */
	public static function e164( $phone ) {
		return '+' . preg_replace( '/\D/', '', $phone );
	}
}
