<?php
/**
 * The one table of the plugin's settings: what each field is, its default, the wp-config
 * constant that can lock it, who may see it and how it is validated.
 *
 * @package LogtoBridge
 */

namespace LogtoBridge;

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Drives Settings::defaults(), for_browser(), site_config(), the REST schema and update().
 * Adding a field is one row here (plus its control in the settings app, whose types a test
 * checks against this table).
 */
final class Settings_Fields {

	/**
	 * Each field:
	 * - `type`: its JSON type, also the REST schema's;
	 * - `default`: a fresh install's value;
	 * - `constant`: a wp-config.php constant that wins and locks the field;
	 * - `browser`: `read_write`, or `write_only` (the screen learns only `<key>_set`);
	 * - `bridge`: its name in site-config, when the bridge needs it;
	 * - `validate`: the Settings_Validator method (default: the type's).
	 *
	 * @var array<string,array<string,mixed>>
	 */
	const FIELDS = array(
		'endpoint'              => array(
			'type'     => 'string',
			'default'  => '',
			'constant' => 'LOGTO_ENDPOINT',
			'browser'  => 'read_write',
			'bridge'   => 'endpoint',
			'validate' => 'url',
		),
		'app_id'                => array(
			'type'     => 'string',
			'default'  => '',
			'constant' => 'LOGTO_APP_ID',
			'browser'  => 'read_write',
			'bridge'   => 'appId',
			'validate' => 'app_id',
		),
		'app_secret'            => array(
			'type'     => 'string',
			'default'  => '',
			'constant' => 'LOGTO_APP_SECRET',
			'browser'  => 'write_only',
			'bridge'   => 'appSecret',
			'validate' => 'secret',
		),
		'api_resource'          => array(
			'type'     => 'string',
			'default'  => '',
			'browser'  => 'read_write',
			'validate' => 'api_resource',
		),
		'api_clients'           => array(
			'type'     => 'string',
			'default'  => '',
			'browser'  => 'read_write',
			'validate' => 'api_clients',
		),
		'bridge_url'            => array(
			'type'     => 'string',
			'default'  => '',
			'constant' => 'LOGTO_BRIDGE_URL',
			'browser'  => 'read_write',
			'validate' => 'url',
		),
		'scopes'                => array(
			'type'     => 'string',
			'default'  => 'openid profile email phone roles',
			'browser'  => 'read_write',
			'bridge'   => 'scopes',
			'validate' => 'scopes',
		),
		'extra_params'          => array(
			'type'     => 'object',
			'default'  => array(),
			'browser'  => 'read_write',
			'bridge'   => 'extraParams',
			'validate' => 'extra_params',
		),
		'login_mode'            => array(
			'type'     => 'string',
			'default'  => 'buttons',
			'browser'  => 'read_write',
			'validate' => 'login_mode',
		),
		'allow_password'        => array(
			'type'    => 'boolean',
			'default' => true,
			'browser' => 'read_write',
		),
		'create_users'          => array(
			'type'    => 'boolean',
			'default' => true,
			'browser' => 'read_write',
		),
		'default_role'          => array(
			'type'     => 'string',
			'default'  => 'subscriber',
			'browser'  => 'read_write',
			'validate' => 'default_role',
		),
		'link_by_email'         => array(
			'type'    => 'boolean',
			'default' => false,
			'browser' => 'read_write',
		),
		'link_by_phone'         => array(
			'type'    => 'boolean',
			'default' => false,
			'browser' => 'read_write',
		),
		'allow_admin_linking'   => array(
			'type'    => 'boolean',
			'default' => false,
			'browser' => 'read_write',
		),
		'link_confirm_password' => array(
			'type'    => 'boolean',
			'default' => false,
			'browser' => 'read_write',
		),
		'manage_admins'         => array(
			'type'    => 'boolean',
			'default' => false,
			'browser' => 'read_write',
		),
		'role_mapping'          => array(
			'type'     => 'array',
			'default'  => array(),
			'browser'  => 'read_write',
			'validate' => 'role_mapping',
		),
		'sync_profile'          => array(
			'type'    => 'boolean',
			'default' => true,
			'browser' => 'read_write',
		),
		'redirect_after'        => array(
			'type'     => 'string',
			'default'  => '',
			'browser'  => 'read_write',
			'validate' => 'redirect_after',
		),
	);

	/**
	 * Values of a fresh install.
	 *
	 * @return array<string,mixed>
	 */
	public static function defaults() {
		return array_map(
			static function ( $field ) {
				return $field['default'];
			},
			self::FIELDS
		);
	}

	/**
	 * Field => wp-config constant, for the fields a constant can lock.
	 *
	 * @return array<string,string>
	 */
	public static function constants() {
		$constants = array();
		foreach ( self::FIELDS as $key => $field ) {
			if ( isset( $field['constant'] ) ) {
				$constants[ $key ] = $field['constant'];
			}
		}
		return $constants;
	}

	/**
	 * The REST schema of the settings route's writable fields.
	 *
	 * @return array<string,array{type: string}>
	 */
	public static function rest_args() {
		return array_map(
			static function ( $field ) {
				return array( 'type' => $field['type'] );
			},
			self::FIELDS
		);
	}

	/**
	 * The Settings_Validator method for a field.
	 *
	 * @param string $key Field key.
	 * @return callable
	 */
	public static function validator( $key ) {
		$field = self::FIELDS[ $key ];
		return array( Settings_Validator::class, $field['validate'] ?? $field['type'] );
	}
}
