import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	SelectControl,
	Spinner,
	TextControl,
	ToggleControl,
	__experimentalHeading as Heading,
} from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import ConnectionCheck from './connection-check';
import CopyField from './copy-field';
import SetupWizard from './setup/setup-wizard';
import type { AppRegistrationUris } from '@logto-bridge/contract';
import type { ExtraParams, RoleMappingRow, Settings, SettingsUpdate, TextKey, ToggleKey } from './types';
import { useSettings } from './use-settings';

const FIRST_SCREENS = [ '', 'sign_in', 'register', 'identifier:sign_in', 'identifier:register', 'reset_password', 'single_sign_on' ];

function draftFrom( s: Settings ): SettingsUpdate {
	const { app_secret_set: _set, locked: _locked, uris: _uris, available_roles: _roles, ...editable } = s;
	return editable;
}

export default function SettingsApp() {
	const { settings, loadError, saving, fieldErrors, save, reload } = useSettings();
	const [ draft, setDraft ] = useState< SettingsUpdate >( {} );
	const [ newSecret, setNewSecret ] = useState< string | null >( null );
	const [ notice, setNotice ] = useState< { ok: boolean; message: string } | null >( null );
	const [ reportedUris, setReportedUris ] = useState< AppRegistrationUris | null >( null );

	useEffect( () => {
		if ( settings ) setDraft( draftFrom( settings ) );
	}, [ settings ] );

	if ( loadError ) {
		return <Notice status="error" isDismissible={ false }>{ loadError }</Notice>;
	}
	if ( ! settings ) {
		return <Spinner />;
	}

	const set = < K extends keyof SettingsUpdate >( key: K, value: SettingsUpdate[ K ] ) => setDraft( ( d ) => ( { ...d, [ key ]: value } ) );
	const locked = ( key: string ) => settings.locked.includes( key );
	const lockedHelp = __( 'Defined in wp-config.php.', 'logto-bridge' );
	const text = ( key: TextKey, label: string, help?: string ) => (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ label }
			value={ String( draft[ key ] ?? '' ) }
			onChange={ ( v ) => set( key, v ) }
			disabled={ locked( key ) }
			help={ fieldErrors[ key ] ? <span className="logto-bridge-settings__error">{ fieldErrors[ key ] }</span> : locked( key ) ? lockedHelp : help }
		/>
	);
	const toggle = ( key: ToggleKey, label: string, help?: string ) => (
		<ToggleControl __nextHasNoMarginBottom label={ label } help={ help } checked={ Boolean( draft[ key ] ) } onChange={ ( v ) => set( key, v ) } />
	);
	const extra = ( draft.extra_params ?? {} ) as ExtraParams;
	const setExtra = ( key: keyof ExtraParams, value: string ) => set( 'extra_params', { ...extra, [ key ]: value } );
	const mapping = ( draft.role_mapping ?? [] ) as RoleMappingRow[];
	const setRow = ( i: number, row: RoleMappingRow ) => set( 'role_mapping', mapping.map( ( r, j ) => ( j === i ? row : r ) ) );
	const roleOptions = settings.available_roles;
	// What the bridge reports wins over what PHP derives from the bridge URL.
	const uris = reportedUris ?? settings.uris;

	const onSave = async () => {
		const update: SettingsUpdate = { ...draft };
		if ( newSecret ) update.app_secret = newSecret;
		for ( const key of settings.locked ) delete update[ key as keyof SettingsUpdate ];
		const result = await save( update );
		setNotice( result );
		if ( result.ok ) setNewSecret( null );
	};

	return (
		<div className="logto-bridge-settings">
			<Heading level={ 1 }>{ __( 'Logto settings', 'logto-bridge' ) }</Heading>
			{ notice && (
				<Notice status={ notice.ok ? 'success' : 'error' } onRemove={ () => setNotice( null ) }>
					{ notice.message }
				</Notice>
			) }

			<SetupWizard roles={ settings.available_roles } onSettingsChanged={ reload } />

			<Card>
				<CardHeader><Heading level={ 2 }>{ __( 'Connection', 'logto-bridge' ) }</Heading></CardHeader>
				<CardBody>
					{ text( 'endpoint', __( 'Logto endpoint', 'logto-bridge' ), __( 'For example https://your-tenant.logto.app', 'logto-bridge' ) ) }
					{ text( 'app_id', __( 'App ID', 'logto-bridge' ), __( 'From your Traditional web application in the Logto Console.', 'logto-bridge' ) ) }
					{ locked( 'app_secret' ) ? (
						<p>{ __( 'App secret', 'logto-bridge' ) }: { lockedHelp }</p>
					) : settings.app_secret_set && newSecret === null ? (
						<div className="logto-bridge-settings__secret">
							<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'App secret', 'logto-bridge' ) } value="••••••••••••" readOnly disabled onChange={ () => {} } help={ __( 'Saved. It is never shown again.', 'logto-bridge' ) } />
							<Button variant="secondary" onClick={ () => setNewSecret( '' ) }>{ __( 'Replace secret', 'logto-bridge' ) }</Button>
						</div>
					) : (
						<TextControl
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							type="password"
							autoComplete="new-password"
							label={ __( 'App secret', 'logto-bridge' ) }
							value={ newSecret ?? '' }
							onChange={ ( v ) => setNewSecret( v ) }
						/>
					) }
					{ text( 'bridge_url', __( 'Bridge URL', 'logto-bridge' ), __( 'Where the Logto Bridge service runs, e.g. https://auth.example.com. Use https: sign-in tickets and user data travel between this site and the bridge (plain http only for 127.0.0.1 or localhost).', 'logto-bridge' ) ) }
				</CardBody>
			</Card>

			<Card>
				<CardHeader><Heading level={ 2 }>{ __( 'Paste these into the Logto Console', 'logto-bridge' ) }</Heading></CardHeader>
				<CardBody>
					<CopyField label={ __( 'Redirect URI', 'logto-bridge' ) } value={ uris.redirectUri } help={ __( 'Application details > Redirect URIs', 'logto-bridge' ) } />
					<CopyField label={ __( 'Post sign-out redirect URI', 'logto-bridge' ) } value={ uris.postSignOutRedirectUri } help={ __( 'Application details > Post sign-out redirect URIs', 'logto-bridge' ) } />
					<CopyField label={ __( 'Back-channel logout URI', 'logto-bridge' ) } value={ uris.backchannelLogoutUri } help={ __( 'Optional: ends WordPress sessions when the user signs out of Logto.', 'logto-bridge' ) } />
					<p className="description">
						{ reportedUris
							? __( 'As the bridge serves them.', 'logto-bridge' )
							: __( 'From the bridge URL; the connection check asks the bridge itself.', 'logto-bridge' ) }
					</p>
					<ConnectionCheck runOnMount={ Boolean( settings.bridge_url ) } onUris={ setReportedUris } />
				</CardBody>
			</Card>

			<Card>
				<CardHeader><Heading level={ 2 }>{ __( 'Sign-in', 'logto-bridge' ) }</Heading></CardHeader>
				<CardBody>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'wp-login.php shows', 'logto-bridge' ) }
						value={ draft.login_mode }
						options={ [
							{ value: 'buttons', label: __( 'A “Sign in with Logto” button above the WordPress form', 'logto-bridge' ) },
							{ value: 'phone', label: __( 'A phone number field (SMS code) above the WordPress form', 'logto-bridge' ) },
							{ value: 'redirect', label: __( 'Nothing: go straight to Logto', 'logto-bridge' ) },
						] }
						onChange={ ( v ) => set( 'login_mode', v as Settings[ 'login_mode' ] ) }
						help={ fieldErrors.login_mode }
					/>
					{ toggle( 'allow_password', __( 'Allow the WordPress password form', 'logto-bridge' ), __( 'When off, administrators can still use wp-login.php?logto_break_glass=1 if Logto is down.', 'logto-bridge' ) ) }
					{ text( 'scopes', __( 'Scopes', 'logto-bridge' ) ) }
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'First screen', 'logto-bridge' ) }
						value={ extra.first_screen ?? '' }
						options={ FIRST_SCREENS.map( ( v ) => ( { value: v, label: v || __( 'Logto default', 'logto-bridge' ) } ) ) }
						onChange={ ( v ) => setExtra( 'first_screen', v ) }
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Identifiers', 'logto-bridge' ) }
						value={ extra.identifier ?? '' }
						onChange={ ( v ) => setExtra( 'identifier', v ) }
						help={ fieldErrors.extra_params ? <span className="logto-bridge-settings__error">{ fieldErrors.extra_params }</span> : __( 'Space-separated: username email phone', 'logto-bridge' ) }
					/>
					<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Direct sign-in', 'logto-bridge' ) } value={ extra.direct_sign_in ?? '' } onChange={ ( v ) => setExtra( 'direct_sign_in', v ) } help={ __( 'social:<target> or sso:<connector ID>', 'logto-bridge' ) } />
					<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Organization ID', 'logto-bridge' ) } value={ extra.organization_id ?? '' } onChange={ ( v ) => setExtra( 'organization_id', v ) } />
					{ text( 'redirect_after', __( 'Redirect after sign-in', 'logto-bridge' ), __( 'A page of this site; empty: the dashboard or the page the visitor came from.', 'logto-bridge' ) ) }
				</CardBody>
			</Card>

			<Card>
				<CardHeader><Heading level={ 2 }>{ __( 'Users', 'logto-bridge' ) }</Heading></CardHeader>
				<CardBody>
					{ toggle( 'create_users', __( 'Create WordPress users for new Logto accounts', 'logto-bridge' ) ) }
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Role of new users', 'logto-bridge' ) }
						value={ draft.default_role }
						options={ roleOptions.filter( ( r ) => r.value !== 'administrator' ) }
						onChange={ ( v ) => set( 'default_role', v ) }
						help={ fieldErrors.default_role }
					/>
					{ toggle( 'link_by_email', __( 'Link existing users by email, with their confirmation', 'logto-bridge' ), __( 'Logto’s “email verified” only means an email is present (an admin can set any address in Logto Console), so a match links nothing by itself: WordPress emails the existing account a link that works once, for 30 minutes, and only its click links the two.', 'logto-bridge' ) ) }
					{ toggle( 'link_by_phone', __( 'Link existing users by phone number, with their confirmation', 'logto-bridge' ), __( 'Only users who already have a Logto phone (user meta logto_phone; today that means users imported with it). They confirm by the same email link; an account without an email cannot be linked this way.', 'logto-bridge' ) ) }
					{ toggle( 'link_confirm_password', __( 'Also let visitors confirm with the existing account’s password', 'logto-bridge' ), draft.allow_password
						? __( 'The visitor may type that account’s WordPress password instead of clicking the emailed link: one attempt per sign-in, and failures count as failed logins. Accounts without an email address can then be linked too. Only while the WordPress password form is allowed.', 'logto-bridge' )
						: __( 'Has no effect while the WordPress password form is off: a password then proves nothing on this site.', 'logto-bridge' ) ) }
					{ toggle( 'allow_admin_linking', __( 'Also link administrator accounts', 'logto-bridge' ), __( 'Off by default: a Logto account never takes over an administrator by email or phone alone.', 'logto-bridge' ) ) }
					{ toggle( 'sync_profile', __( 'Update name, email and phone from Logto at each sign-in', 'logto-bridge' ) ) }
					<Heading level={ 3 }>{ __( 'Role mapping', 'logto-bridge' ) }</Heading>
					<p className="description">{ __( 'With at least one row, roles follow Logto: at each sign-in a user’s roles become exactly the mapped roles of their Logto roles, or the role of new users when none maps.', 'logto-bridge' ) }</p>
					{ fieldErrors.role_mapping && <Notice status="error" isDismissible={ false }>{ fieldErrors.role_mapping }</Notice> }
					{ mapping.map( ( row, i ) => (
						<div className="logto-bridge-settings__row" key={ i }>
							<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Logto role', 'logto-bridge' ) } value={ row.logto_role } onChange={ ( v ) => setRow( i, { ...row, logto_role: v } ) } />
							<SelectControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'WordPress role', 'logto-bridge' ) } value={ row.wp_role } options={ [ { value: '', label: '—' }, ...roleOptions ] } onChange={ ( v ) => setRow( i, { ...row, wp_role: v } ) } />
							<Button variant="tertiary" isDestructive onClick={ () => set( 'role_mapping', mapping.filter( ( _r, j ) => j !== i ) ) }>{ __( 'Remove', 'logto-bridge' ) }</Button>
						</div>
					) ) }
					<Button variant="secondary" onClick={ () => set( 'role_mapping', [ ...mapping, { logto_role: '', wp_role: '' } ] ) }>{ __( 'Add role mapping', 'logto-bridge' ) }</Button>
					{ toggle( 'manage_admins', __( 'Logto also manages administrators', 'logto-bridge' ), __( 'Off by default: administrators keep their role whatever their Logto roles say, so a change in Logto cannot lock the site’s owners out.', 'logto-bridge' ) ) }
				</CardBody>
			</Card>

			<Card>
				<CardHeader><Heading level={ 2 }>{ __( 'Apps and the REST API', 'logto-bridge' ) }</Heading></CardHeader>
				<CardBody>
					{ text( 'api_resource', __( 'API resource indicator', 'logto-bridge' ), __( 'Empty: this site’s /wp-json. Register it in Logto Console > API resources with the permissions wp:read and wp:write, and grant them through a role. An app’s Logto access token for it then works on this site’s REST API as the linked user: wp:read reads, wp:write also writes within the user’s own capabilities.', 'logto-bridge' ) ) }
					{ text( 'api_clients', __( 'Apps allowed to use the REST API', 'logto-bridge' ), __( 'The app IDs (Logto Console > Applications), separated by commas. Any app of your Logto tenant can get a token for the resource: only these act on this site. Empty: none.', 'logto-bridge' ) ) }
				</CardBody>
			</Card>

			<p>
				<Button variant="primary" onClick={ onSave } isBusy={ saving } disabled={ saving }>
					{ __( 'Save settings', 'logto-bridge' ) }
				</Button>
			</p>
		</div>
	);
}
