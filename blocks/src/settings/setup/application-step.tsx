import { Button, Notice, SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { consoleLink, type ApplicationResult, type Connected, type Credentials } from './api';
import ChangesList from './changes-list';
import { useStep } from './use-step';

type Props = { credentials: Credentials; connected: Connected; onDone: ( result: ApplicationResult ) => void };

const NEW = '';

/** Step 2: the WordPress app in Logto, with its URIs; its ID and secret go into the settings. */
export default function ApplicationStep( { credentials, connected, onDone }: Props ) {
	const ours = connected.applications.find( ( a ) => a.ours );
	const [ appId, setAppId ] = useState( ours?.id ?? NEW );
	const [ name, setName ] = useState( 'WordPress' );
	const [ confirmed, setConfirmed ] = useState( false );
	const step = useStep< ApplicationResult >( 'application', credentials );
	const input = appId === NEW ? { name } : { app_id: appId };

	useEffect( () => {
		setConfirmed( false );
		void step.preview( input );
	}, [ appId ] );

	const apply = async () => {
		const result = await step.apply( input, confirmed );
		if ( result ) onDone( result );
	};
	const link = step.result?.app ? consoleLink( credentials.endpoint, `applications/${ step.result.app.id }` ) : null;
	return (
		<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-app">
			<h3 id="logto-setup-app">{ __( '2. The WordPress application', 'logto-bridge' ) }</h3>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Application in Logto', 'logto-bridge' ) }
				value={ appId }
				options={ [
					{ value: NEW, label: __( 'Create a new Traditional web app', 'logto-bridge' ) },
					...connected.applications.map( ( a ) => ( { value: a.id, label: a.ours ? sprintf( /* translators: %s: app name. */ __( '%s (set up for this site)', 'logto-bridge' ), a.name ) : a.name } ) ),
				] }
				onChange={ setAppId }
			/>
			{ appId === NEW && <TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Name', 'logto-bridge' ) } value={ name } onChange={ setName } /> }
			{ step.plan && ! step.result && <ChangesList changes={ step.plan.changes } confirmed={ confirmed } onConfirm={ setConfirmed } /> }
			{ step.error && <Notice status="error" isDismissible={ false }>{ step.error }</Notice> }
			{ step.result ? (
				<Notice status="success" isDismissible={ false }>
					{ step.result.applied
						? sprintf( /* translators: %s: app name. */ __( '“%s” is ready; its app ID and secret are saved in the settings below.', 'logto-bridge' ), step.result.app?.name ?? '' )
						: sprintf( /* translators: %s: app name. */ __( '“%s” in Logto: nothing to change. Its app ID and secret are in the settings below.', 'logto-bridge' ), step.result.app?.name ?? '' ) }
					{ link && <> <a href={ link } target="_blank" rel="noreferrer">{ __( 'Open in Logto Console', 'logto-bridge' ) }</a></> }
				</Notice>
			) : (
				<Button variant="primary" onClick={ apply } isBusy={ step.busy } disabled={ step.busy || ! step.plan || ( step.needsConfirmation && ! confirmed ) }>
					{ appId === NEW ? __( 'Create the WordPress application', 'logto-bridge' ) : __( 'Use this application', 'logto-bridge' ) }
				</Button>
			) }
		</section>
	);
}
