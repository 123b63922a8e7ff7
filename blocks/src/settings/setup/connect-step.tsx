import { Button, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { StepError, useSetupStep, type Connected, type Credentials } from './api';

type Props = {
	credentials: Credentials;
	secretKept: boolean;
	onChange: ( credentials: Credentials ) => void;
	onConnected: ( connected: Connected ) => void;
};

/** Step 1: the Logto endpoint and the machine-to-machine app that may use the Management API. */
export default function ConnectStep( { credentials, secretKept, onChange, onConnected }: Props ) {
	const setupStep = useSetupStep();
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const set = ( key: keyof Credentials ) => ( value: string ) => onChange( { ...credentials, [ key ]: value } );
	const connect = async () => {
		setBusy( true );
		setError( null );
		try {
			onConnected( await setupStep< Connected >( 'connect', credentials ) );
		} catch ( e ) {
			setError( ( e as StepError ).message );
		} finally {
			setBusy( false );
		}
	};
	return (
		<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-connect">
			<h3 id="logto-setup-connect">{ __( '1. Connect to Logto', 'logto-bridge' ) }</h3>
			<p className="description">
				{ __( 'The one step in Logto Console: Applications > Create application > “Machine-to-machine”, give it a name, and assign it the role “Logto Management API access”. Logto Cloud: your endpoint is https://<tenant-id>.logto.app. Self-hosted Logto: the endpoint your users sign in at (not the admin console’s port).', 'logto-bridge' ) }
			</p>
			<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Logto endpoint', 'logto-bridge' ) } value={ credentials.endpoint } onChange={ set( 'endpoint' ) } placeholder="https://your-tenant.logto.app" />
			<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Machine-to-machine app ID', 'logto-bridge' ) } value={ credentials.app_id } onChange={ set( 'app_id' ) } />
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="password"
				autoComplete="new-password"
				label={ __( 'Machine-to-machine app secret', 'logto-bridge' ) }
				value={ credentials.app_secret }
				onChange={ set( 'app_secret' ) }
				help={ secretKept ? __( 'Kept from an earlier setup: leave empty to use it.', 'logto-bridge' ) : __( 'Used for this setup only, unless you keep it at the end.', 'logto-bridge' ) }
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Management API identifier (optional)', 'logto-bridge' ) }
				value={ credentials.resource }
				onChange={ set( 'resource' ) }
				placeholder="https://default.logto.app/api"
				help={ __( 'Found from the endpoint: https://<tenant-id>.logto.app/api for Logto Cloud, https://default.logto.app/api for self-hosted Logto.', 'logto-bridge' ) }
			/>
			{ error && <Notice status="error" isDismissible={ false }>{ error }</Notice> }
			<Button variant="primary" onClick={ connect } isBusy={ busy } disabled={ busy }>{ __( 'Connect', 'logto-bridge' ) }</Button>
		</section>
	);
}
