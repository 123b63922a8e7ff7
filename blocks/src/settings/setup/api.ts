import apiFetch from '@wordpress/api-fetch';
import { createContext, useContext } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { Asked, ProfileField, SignUpChoice as Choice } from '@logto-bridge/contract/logto-sign-up';
import { WP_REST_NAMESPACE, WP_REST_ROUTES } from '@logto-bridge/contract/wordpress-rest';

/** The M2M app's credentials as typed; a blank secret means the kept one (never sent here). */
export type Credentials = { endpoint: string; app_id: string; app_secret: string; resource: string };

/** One difference between Logto and what the site needs; `replaces` marks an overwrite. */
export type Change = { field: string; from: unknown; to: unknown; replaces: boolean };

export type FormItem = {
	key: string;
	type: string;
	label: string;
	placeholder?: string;
	required?: boolean;
	defaultValue?: unknown;
	isConfidential?: boolean;
};

type Method = { identifier: 'username' | 'email' | 'phone'; password: boolean; verificationCode: boolean };
export type SignInParts = {
	signIn: { methods: Method[] };
	signUp: { identifiers: string[]; password: boolean; verify: boolean };
	signInMode: string;
};

export type { Asked, ProfileField };
/** One way to let phone visitors sign up, as the bridge plans it (the contract's shape). */
export type SignUpChoice = Choice< SignInParts, Change >;

export type Connected = {
	resource: string;
	applications: Array< { id: string; name: string; ours: boolean } >;
	factories: Array< { id: string; name: string; formItems: FormItem[] } >;
	sms: { id: string; factoryId: string; config: Record< string, unknown > } | null;
	signIn: SignInParts;
	phoneSignIn: boolean;
	roles: Array< { id: string; name: string; isDefault: boolean } >;
};

export type Planned = { changes: Change[]; applied: boolean };
export type ApplicationResult = Planned & { app: { id: string; name: string } | null; saved?: boolean };
export type SmsResult = Planned & { connector: { id: string; factoryId: string } | null };
export type SignInResult = Planned & {
	before: SignInParts;
	after: SignInParts;
	newPhoneNow: Asked;
	choices: SignUpChoice[];
	satisfiesBoth: boolean;
	chosen: SignUpChoice[ 'id' ] | null;
};
export type RolesResult = Planned & { roles: Array< { name: string; id: string | null; created: boolean } >; role_mapping?: Array< { logto_role: string; wp_role: string } >;
	/** What the merge did to the role mapping: added, replaced (`was` its old role), or another row for the same role. */
	mapping_changes?: Array< { logto_role: string; wp_role: string; action: 'added' | 'replaced' | 'also'; was?: string } >;
};
export type SetupState = {
	credentials: { endpoint: string; app_id: string; resource: string; secret_kept: boolean };
	bridge_set: boolean;
};

type RestError = { code?: string; message?: string };

/** A refusal of a step: the words to show, and whether it only waits for a confirmation. */
export class StepError extends Error {
	constructor(
		message: string,
		readonly needsConfirmation: boolean
	) {
		super( message );
	}
}

/**
 * Whose wizard runs: a site's (`setup`) or, on Network Admin > Logto, the network's
 * (`network-setup`), which saves the network's connection. The wizard provides it to its steps.
 */
export const SetupRoute = createContext< string >( WP_REST_ROUTES.setup );
export const setupRouteFor = ( network: boolean ) => ( network ? WP_REST_ROUTES.networkSetup : WP_REST_ROUTES.setup );

/** Runs a setup step on the server (apiFetch adds the REST nonce). */
export async function setupStep< T >( route: string, step: string, credentials: Credentials, data: Record< string, unknown > = {} ): Promise< T > {
	try {
		return await apiFetch< T >( { path: `/${ WP_REST_NAMESPACE }/${ route }/${ step }`, method: 'POST', data: { logto: credentials, ...data } } );
	} catch ( e ) {
		const error = e as RestError;
		throw new StepError( error.message ?? __( 'The step could not run.', 'logto-bridge' ), error.code === 'logto_bridge_setup_confirmation_needed' );
	}
}

export const loadSetupState = ( route: string ) => apiFetch< SetupState >( { path: `/${ WP_REST_NAMESPACE }/${ route }` } );

/** setupStep on the wizard's route. */
export function useSetupStep() {
	const route = useContext( SetupRoute );
	return < T >( step: string, credentials: Credentials, data: Record< string, unknown > = {} ) => setupStep< T >( route, step, credentials, data );
}

/** Where an app lives in Logto Console: a link for Logto Cloud, the menu path otherwise. */
export function consoleLink( endpoint: string, path: string ): string | null {
	const tenant = /^https:\/\/([a-z0-9]+)\.logto\.app\/?$/i.exec( endpoint )?.[ 1 ];
	return tenant ? `https://cloud.logto.io/${ tenant }/${ path }` : null;
}
