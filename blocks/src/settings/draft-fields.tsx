import { TextControl, ToggleControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { FieldErrors, Settings, SettingsUpdate, TextKey, ToggleKey } from './types';

/** What each section of the settings screen edits the draft with. */
export type DraftFields = {
	settings: Settings;
	draft: SettingsUpdate;
	fieldErrors: FieldErrors;
	set: < K extends keyof SettingsUpdate >( key: K, value: SettingsUpdate[ K ] ) => void;
	locked: ( key: string ) => boolean;
	lockedHelp: ( key: string ) => string;
	text: ( key: TextKey, label: string, help?: string ) => JSX.Element;
	toggle: ( key: ToggleKey, label: string, help?: string ) => JSX.Element;
};

/** The draft's setters and the two field kinds most settings are (a locked field says why). */
export function draftFields(
	settings: Settings,
	draft: SettingsUpdate,
	setDraft: ( update: ( d: SettingsUpdate ) => SettingsUpdate ) => void,
	fieldErrors: FieldErrors
): DraftFields {
	const set: DraftFields[ 'set' ] = ( key, value ) => setDraft( ( d ) => ( { ...d, [ key ]: value } ) );
	const locked = ( key: string ) => settings.locked.includes( key ) || settings.inherited.includes( key );
	const lockedHelp = ( key: string ) =>
		settings.locked.includes( key ) ? __( 'Defined in wp-config.php.', 'logto-bridge' ) : __( 'Set for the whole network in Network Admin > Logto.', 'logto-bridge' );
	const text = ( key: TextKey, label: string, help?: string ) => (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ label }
			value={ String( draft[ key ] ?? '' ) }
			onChange={ ( v ) => set( key, v ) }
			disabled={ locked( key ) }
			help={ fieldErrors[ key ] ? <span className="logto-bridge-settings__error">{ fieldErrors[ key ] }</span> : locked( key ) ? lockedHelp( key ) : help }
		/>
	);
	const toggle = ( key: ToggleKey, label: string, help?: string ) => (
		<ToggleControl __nextHasNoMarginBottom label={ label } help={ locked( key ) ? lockedHelp( key ) : help } checked={ Boolean( draft[ key ] ) } disabled={ locked( key ) } onChange={ ( v ) => set( key, v ) } />
	);
	return { settings, draft, fieldErrors, set, locked, lockedHelp, text, toggle };
}
