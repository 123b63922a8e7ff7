import { Button, Notice, SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { StepError, useSetupStep, type Connected, type Credentials, type SignInResult, type SignUpChoice, type SmsResult } from './api';
import ChangesList from './changes-list';
import SignUpPlan, { askedText } from './sign-up-choice';
import ConnectorForm, { type ConnectorConfig, USAGE_TYPES } from './connector-form';
import { useStep } from './use-step';

type Props = {
	credentials: Credentials;
	connected: Connected;
	onConnector: ( result: SmsResult ) => void;
	onSignIn: ( result: SignInResult ) => void;
};

/** Step 3: the SMS connector (with a test message) and phone sign-in in the sign-in experience. */
export default function PhoneStep( { credentials, connected, onConnector, onSignIn }: Props ) {
	const setupStep = useSetupStep();
	const factories = connected.factories;
	const initialFactory = connected.sms?.factoryId ?? factories.find( ( f ) => f.id.startsWith( 'tencent' ) )?.id ?? factories[ 0 ]?.id ?? '';
	const [ factoryId, setFactoryId ] = useState( initialFactory );
	const stored = connected.sms?.factoryId === factoryId;
	const [ config, setConfig ] = useState< ConnectorConfig >( stored ? ( connected.sms!.config as ConnectorConfig ) : {} );
	const [ confirmed, setConfirmed ] = useState( false );
	const [ phone, setPhone ] = useState( '' );
	const [ test, setTest ] = useState< { ok: boolean; message: string } | null >( null );
	const [ signInConfirmed, setSignInConfirmed ] = useState( false );
	const [ choice, setChoice ] = useState< SignUpChoice[ 'id' ] | null >( null );
	const sms = useStep< SmsResult >( 'sms', credentials );
	const signIn = useStep< SignInResult >( 'sign-in', credentials );
	const factory = factories.find( ( f ) => f.id === factoryId );
	const templateKey = factoryId.startsWith( 'twilio' ) ? 'content' : 'templateCode';
	// Only the usage types with a template filled in are sent.
	const data = { factory_id: factoryId, config: { ...config, templates: ( config.templates ?? [] ).filter( ( t ) => USAGE_TYPES.includes( t.usageType as never ) && t[ templateKey ] ) } };

	useEffect( () => {
		void signIn.preview();
	}, [] );
	// A plan that satisfies everyone (the code-only one, first) is the choice; otherwise the admin picks one.
	const picked = choice ?? ( signIn.plan && ( signIn.plan.satisfiesBoth || signIn.plan.choices.length === 1 ) ? signIn.plan.choices[ 0 ]!.id : null );

	const chooseFactory = ( id: string ) => {
		setFactoryId( id );
		setConfig( connected.sms?.factoryId === id ? ( connected.sms.config as ConnectorConfig ) : {} );
		setConfirmed( false );
	};
	const save = async () => {
		const result = await sms.apply( data, confirmed );
		if ( result ) onConnector( result );
	};
	const sendTest = async () => {
		setTest( null );
		try {
			await setupStep( 'sms-test', credentials, { ...data, phone } );
			setTest( { ok: true, message: __( 'Sent. Logto’s connector test sends the code 000000.', 'logto-bridge' ) } );
		} catch ( e ) {
			setTest( { ok: false, message: ( e as StepError ).message } );
		}
	};
	const turnOn = async () => {
		const result = await signIn.apply( { choice: picked }, signInConfirmed );
		if ( result ) onSignIn( result );
	};
	return (
		<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-phone">
			<h3 id="logto-setup-phone">{ __( '3. Phone sign-in', 'logto-bridge' ) }</h3>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'SMS provider', 'logto-bridge' ) }
				value={ factoryId }
				options={ factories.map( ( f ) => ( { value: f.id, label: f.name } ) ) }
				onChange={ chooseFactory }
			/>
			{ factory && <ConnectorForm items={ factory.formItems } templateKey={ templateKey } config={ config } stored={ stored } onChange={ setConfig } /> }
			<div className="logto-bridge-setup__actions">
				<Button variant="secondary" onClick={ () => sms.preview( data ) } disabled={ sms.busy }>{ __( 'Review changes', 'logto-bridge' ) }</Button>
				<Button variant="primary" onClick={ save } isBusy={ sms.busy } disabled={ sms.busy || ( sms.needsConfirmation && ! confirmed ) }>{ __( 'Save the SMS connector', 'logto-bridge' ) }</Button>
			</div>
			{ sms.plan && ! sms.result && <ChangesList changes={ sms.plan.changes } confirmed={ confirmed } onConfirm={ setConfirmed } /> }
			{ sms.error && <Notice status="error" isDismissible={ false }>{ sms.error }</Notice> }
			{ sms.result && <Notice status="success" isDismissible={ false }>{ sms.result.applied ? __( 'The SMS connector is saved in Logto.', 'logto-bridge' ) : __( 'Logto already has this connector: nothing changed.', 'logto-bridge' ) }</Notice> }

			<div className="logto-bridge-setup__test">
				<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Your phone number, for a test SMS', 'logto-bridge' ) } value={ phone } onChange={ setPhone } placeholder="+86 138 0013 8000" type="tel" />
				<Button variant="secondary" onClick={ sendTest } disabled={ ! phone }>{ __( 'Send a test SMS', 'logto-bridge' ) }</Button>
				{ test && <Notice status={ test.ok ? 'success' : 'error' } isDismissible={ false }>{ test.message }</Notice> }
			</div>

			<h4>{ __( 'Sign-in experience', 'logto-bridge' ) }</h4>
			{ signIn.plan && ! signIn.result && <SignUpPlan plan={ signIn.plan } choice={ picked } onChoose={ setChoice } confirmed={ signInConfirmed } onConfirm={ setSignInConfirmed } /> }
			{ signIn.error && <Notice status="error" isDismissible={ false }>{ signIn.error }</Notice> }
			{ signIn.result ? (
				<Notice status="success" isDismissible={ false }>{ signIn.result.applied
						? `${ __( 'Phone sign-in is on. A new visitor who types a phone number', 'logto-bridge' ) } ${ askedText( signIn.result.choices.find( ( c ) => c.id === signIn.result!.chosen )?.newPhone ?? null ) }`
						: __( 'Phone sign-in was already on: nothing changed.', 'logto-bridge' ) }
				</Notice>
			) : (
				<Button variant="primary" onClick={ turnOn } isBusy={ signIn.busy } disabled={ signIn.busy || ! signIn.plan || ! picked }>{ __( 'Turn on phone sign-in', 'logto-bridge' ) }</Button>
			) }
		</section>
	);
}
