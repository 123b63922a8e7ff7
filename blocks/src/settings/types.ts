import type { AppRegistrationUris, ExtraParamName } from '@logto-bridge/contract';

export type RoleMappingRow = { logto_role: string; wp_role: string };

/** Logto's extra authorization params the settings offer (their rules: fixtures/logto-extra-params.json). */
export type ExtraParams = Partial< Record< ExtraParamName, string > >;

/**
 * The settings as GET /logto-bridge/v1/settings returns them (never the app secret). A test
 * (scripts/test/settings-types.test.mjs) checks them against the plugin's Settings_Fields table.
 */
export type Settings = {
	endpoint: string;
	app_id: string;
	app_secret_set: boolean;
	bridge_url: string;
	scopes: string;
	extra_params: ExtraParams;
	login_mode: 'redirect' | 'buttons' | 'phone';
	allow_password: boolean;
	create_users: boolean;
	default_role: string;
	link_by_email: boolean;
	link_by_phone: boolean;
	allow_admin_linking: boolean;
	link_confirm_password: boolean;
	manage_admins: boolean;
	role_mapping: RoleMappingRow[];
	sync_profile: boolean;
	redirect_after: string;
	api_resource: string;
	api_clients: string;
	locked: string[];
	/** On a site of a network: the fields that are the network's (Network Admin > Logto), read-only here. */
	inherited: string[];
	uris: AppRegistrationUris;
	available_roles: Array< { value: string; label: string } >;
};

/** What the screen sends: the editable fields, plus a new secret only when replaced. */
export type SettingsUpdate = Partial< Omit< Settings, 'app_secret_set' | 'locked' | 'inherited' | 'uris' | 'available_roles' > > & {
	app_secret?: string;
};

export type FieldErrors = Partial< Record< string, string > >;


export type ConnectionCheck = {
	ok: boolean;
	checks: Array< { id: string; ok: boolean; detail: string } >;
	/** The URIs as the bridge itself serves them (absent when it could not be asked). */
	uris?: AppRegistrationUris;
};

type KeysOf< T, V > = { [ K in keyof T ]-?: T[ K ] extends V ? K : never }[ keyof T ];
/** The settings edited with a text field or a toggle. */
export type TextKey = Exclude< KeysOf< Settings, string >, 'login_mode' | 'default_role' >;
export type ToggleKey = KeysOf< Omit< Settings, 'app_secret_set' >, boolean >;
