import { Button, Notice, Spinner, __experimentalHeading as Heading } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { AppRegistrationUris } from '@logto-bridge/contract';

import { draftFields } from './draft-fields';
import Connection from './sections/connection';
import ConsoleUris from './sections/console-uris';
import RestApi from './sections/rest-api';
import SignIn from './sections/sign-in';
import Users from './sections/users';
import SetupWizard from './setup/setup-wizard';
import type { Settings, SettingsUpdate } from './types';
import { useSettings } from './use-settings';

function draftFrom( s: Settings ): SettingsUpdate {
	const { app_secret_set: _set, locked: _locked, inherited: _inherited, uris: _uris, available_roles: _roles, ...editable } = s;
	return editable;
}

/**
 * Logto > Settings: the setup wizard, then one card per section, saved together. On Network
 * Admin > Logto (`network`) the network's settings; on a site of a network, what the site may
 * differ in, with the network's values shown read-only.
 */
export default function SettingsApp( { network = false }: { network?: boolean } ) {
	const { settings, loadError, saving, fieldErrors, save, reload } = useSettings( network );
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

	const fields = draftFields( settings, draft, setDraft, fieldErrors );
	const inNetwork = settings.inherited.length > 0;
	const onSave = async () => {
		const update: SettingsUpdate = { ...draft };
		if ( newSecret ) update.app_secret = newSecret;
		for ( const key of [ ...settings.locked, ...settings.inherited ] ) delete update[ key as keyof SettingsUpdate ];
		const result = await save( update );
		setNotice( result );
		if ( result.ok ) setNewSecret( null );
	};

	return (
		<div className="logto-bridge-settings">
			<Heading level={ 1 }>{ network ? __( 'Logto settings for the network', 'logto-bridge' ) : __( 'Logto settings', 'logto-bridge' ) }</Heading>
			{ inNetwork && (
				<Notice status="info" isDismissible={ false }>
					{ __( 'This site signs in with the network’s Logto connection (Network Admin > Logto). Here you choose how this site’s login page looks and which role its members get.', 'logto-bridge' ) }
				</Notice>
			) }
			{ notice && (
				<Notice status={ notice.ok ? 'success' : 'error' } onRemove={ () => setNotice( null ) }>
					{ notice.message }
				</Notice>
			) }

			{ /* On a network the wizard writes the network's connection: it runs on Network Admin > Logto only. */ }
			{ ! inNetwork && <SetupWizard network={ network } roles={ settings.available_roles } onSettingsChanged={ reload } /> }
			<Connection fields={ fields } newSecret={ newSecret } setNewSecret={ setNewSecret } />
			{ /* What the bridge reports wins over what PHP derives from the bridge URL. */ }
			<ConsoleUris uris={ reportedUris ?? settings.uris } reported={ Boolean( reportedUris ) } runOnMount={ Boolean( settings.bridge_url ) } onUris={ setReportedUris } />
			<SignIn fields={ fields } />
			<Users fields={ fields } />
			<RestApi fields={ fields } network={ network || inNetwork } />

			<p>
				<Button variant="primary" onClick={ onSave } isBusy={ saving } disabled={ saving }>
					{ __( 'Save settings', 'logto-bridge' ) }
				</Button>
			</p>
		</div>
	);
}
