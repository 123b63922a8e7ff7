import { Button, Card, CardBody, CardHeader, CheckboxControl, Notice, __experimentalHeading as Heading } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { consoleLink, loadSetupState, setupStep, SetupRoute, setupRouteFor, type Connected, type Credentials, type SetupState } from './api';
import ApiStep from './api-step';
import ApplicationStep from './application-step';
import ConnectStep from './connect-step';
import PhoneStep from './phone-step';
import RolesStep from './roles-step';

type Props = {
	/** On Network Admin > Logto: the network's wizard, saving the network's connection. */
	network: boolean;
	roles: Array< { value: string; label: string } >;
	/** The settings changed on the server (app ID and secret, role mapping): reload them. */
	onSettingsChanged: () => void;
};

type Done = { text: string; link: string | null; already: boolean };

/**
 * "Set up Logto for me": configures Logto through its Management API, one step after another,
 * showing each change before it is made. The M2M secret stays in this page's memory and is
 * sent with each step; the server keeps it only if the admin asks to at the end.
 */
export default function SetupWizard( { network, roles, onSettingsChanged }: Props ) {
	const route = setupRouteFor( network );
	const [ open, setOpen ] = useState( false );
	const [ state, setState ] = useState< SetupState | null >( null );
	const [ credentials, setCredentials ] = useState< Credentials >( { endpoint: '', app_id: '', app_secret: '', resource: '' } );
	const [ connected, setConnected ] = useState< Connected | null >( null );
	const [ done, setDone ] = useState< Done[] >( [] );
	const [ keep, setKeep ] = useState( false );
	const [ finished, setFinished ] = useState< boolean | null >( null );
	const [ phoneField, setPhoneField ] = useState( true );
	const [ loginMode, setLoginMode ] = useState< string | null >( null );

	useEffect( () => {
		if ( ! open || state ) return;
		void loadSetupState( route ).then( ( s ) => {
			setState( s );
			// Kept values fill only what the admin has not typed meanwhile.
			setCredentials( ( c ) => ( { ...c, endpoint: c.endpoint || s.credentials.endpoint, app_id: c.app_id || s.credentials.app_id, resource: c.resource || s.credentials.resource } ) );
			setKeep( s.credentials.secret_kept );
		} );
	}, [ open ] );

	const record = ( text: string, path: string | null = null, already = false ) => setDone( ( d ) => [ ...d, { text, already, link: path ? consoleLink( credentials.endpoint, path ) : null } ] );
	const finish = async () => {
		const answer = await setupStep< { kept: boolean; login_mode?: string } >( route, 'finish', credentials, { keep, phone_field: phoneField } ).catch( () => null );
		setFinished( answer?.kept ?? false );
		setLoginMode( answer?.login_mode ?? null );
		if ( answer?.login_mode === 'phone' ) onSettingsChanged();
		setCredentials( ( c ) => ( { ...c, app_secret: '' } ) );
	};

	return (
		<SetupRoute.Provider value={ route }>
		<Card className="logto-bridge-setup">
			<CardHeader>
				<Heading level={ 2 }>{ __( 'Set up Logto for me', 'logto-bridge' ) }</Heading>
				{ ! open && <Button variant="primary" onClick={ () => setOpen( true ) }>{ __( 'Start', 'logto-bridge' ) }</Button> }
			</CardHeader>
			{ open && (
				<CardBody>
					{ network && (
						<Notice status="info" isDismissible={ false }>{ __( 'For every site of the network: one Logto application, whose URIs are the bridge’s and the same for every site (a site added later needs nothing in Logto), and the network’s defaults below.', 'logto-bridge' ) }</Notice>
					) }
					{ state && ! state.bridge_set && (
						<Notice status="warning" isDismissible={ false }>{ __( 'Set the bridge URL below and save first: the bridge talks to Logto for this setup.', 'logto-bridge' ) }</Notice>
					) }
					<ConnectStep
						credentials={ credentials }
						secretKept={ Boolean( state?.credentials.secret_kept ) }
						onChange={ setCredentials }
						onConnected={ ( c ) => {
							setConnected( c );
							setDone( [] );
							setFinished( null );
						} }
					/>
					{ connected && (
						<>
							<Notice status="success" isDismissible={ false }>{ sprintf( /* translators: %s: resource indicator. */ __( 'Connected to Logto’s Management API (%s).', 'logto-bridge' ), connected.resource ) }</Notice>
							<ApplicationStep
								credentials={ credentials }
								connected={ connected }
								onDone={ ( r ) => {
									record( r.applied ? sprintf( /* translators: %s: app name. */ __( 'Application “%s” created or updated, with its redirect, sign-out and back-channel logout URIs', 'logto-bridge' ), r.app?.name ?? '' ) : sprintf( /* translators: %s: app name. */ __( 'Application “%s” already right', 'logto-bridge' ), r.app?.name ?? '' ), r.app ? `applications/${ r.app.id }` : null, ! r.applied );
									onSettingsChanged();
								} }
							/>
							<PhoneStep
								credentials={ credentials }
								connected={ connected }
								onConnector={ ( r ) => record( r.applied ? __( 'SMS connector saved', 'logto-bridge' ) : __( 'SMS connector already right', 'logto-bridge' ), 'connectors/passwordless', ! r.applied ) }
								onSignIn={ ( r ) => record( r.applied ? __( 'Phone sign-in turned on in the sign-in experience', 'logto-bridge' ) : __( 'Phone sign-in already on', 'logto-bridge' ), 'sign-in-experience', ! r.applied ) }
							/>
							<RolesStep
								credentials={ credentials }
								roles={ roles.filter( ( r ) => r.value !== 'administrator' ) }
								onDone={ ( r ) => {
									record( sprintf( /* translators: %s: role names. */ __( 'Roles: %s', 'logto-bridge' ), r.roles.map( ( x ) => x.name ).join( ', ' ) ), 'roles', ! r.applied );
									onSettingsChanged();
								} }
							/>
							<ApiStep
								credentials={ credentials }
								onDone={ ( r ) =>
									record( sprintf( /* translators: %s: API resource indicator. */ __( 'REST API %s registered for apps (wp:read, wp:write; new accounts get wordpress:app)', 'logto-bridge' ), r.resource?.indicator ?? '' ), r.resource ? `api-resources/${ r.resource.id }` : null, ! r.applied )
								}
							/>
							<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-summary">
								<h3 id="logto-setup-summary">{ __( '6. Summary', 'logto-bridge' ) }</h3>
								{ done.length === 0 ? (
									<p>{ __( 'Nothing changed in Logto yet.', 'logto-bridge' ) }</p>
								) : (
									<ul className="logto-bridge-setup__summary">
										{ done.map( ( d, i ) => (
											<li key={ i } className={ d.already ? 'is-already-right' : 'is-changed' }>
												{ d.already ? __( '= already right:', 'logto-bridge' ) : '✓' } { d.text }
												{ d.link && <> · <a href={ d.link } target="_blank" rel="noreferrer">{ __( 'Logto Console', 'logto-bridge' ) }</a></> }
											</li>
										) ) }
									</ul>
								) }
								<CheckboxControl __nextHasNoMarginBottom label={ __( 'Keep the machine-to-machine credentials for later changes', 'logto-bridge' ) } help={ __( 'Stored on this site, the secret never shown again. Otherwise it is forgotten now.', 'logto-bridge' ) } checked={ keep } onChange={ setKeep } />
								<CheckboxControl __nextHasNoMarginBottom label={ __( 'Offer the phone number field on wp-login.php', 'logto-bridge' ) } help={ __( 'Visitors type their number on the WordPress sign-in page and go on to Logto’s code page.', 'logto-bridge' ) } checked={ phoneField } onChange={ setPhoneField } />
								<Button variant="primary" onClick={ finish }>{ __( 'Finish', 'logto-bridge' ) }</Button>
								{ loginMode === 'phone' && <Notice status="info" isDismissible={ false }>{ __( 'wp-login.php now offers the phone number field.', 'logto-bridge' ) }</Notice> }
								{ finished !== null && <Notice status="success" isDismissible={ false }>{ finished ? __( 'Done. The credentials are kept for later changes.', 'logto-bridge' ) : __( 'Done. The machine-to-machine secret is forgotten.', 'logto-bridge' ) }</Notice> }
							</section>
						</>
					) }
				</CardBody>
			) }
		</Card>
		</SetupRoute.Provider>
	);
}
