import { Button, CheckboxControl, Notice } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Credentials, Planned } from './api';
import ChangesList from './changes-list';
import { useStep } from './use-step';

export type ApiResult = Planned & { resource: { id: string; indicator: string } | null; role: string };

type Props = {
	credentials: Credentials;
	onDone: ( result: ApiResult ) => void;
};

/**
 * Step 5 (optional): the site's REST API as a Logto API resource, so that apps (the mobile app)
 * get access tokens WordPress accepts. It only adds, never replaces, so it needs no preview.
 */
export default function ApiStep( { credentials, onDone }: Props ) {
	const step = useStep< ApiResult >( 'api', credentials );
	const [ defaultRole, setDefaultRole ] = useState( false );
	const register = async () => {
		const result = await step.apply( { default_role: defaultRole } );
		if ( result ) onDone( result );
	};
	return (
		<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-api">
			<h3 id="logto-setup-api">{ __( '5. Apps and the REST API (optional)', 'logto-bridge' ) }</h3>
			<p className="description">
				{ __( 'Registers this site’s REST API in Logto as an API resource with the permissions wp:read and wp:write, and a role wordpress:app that grants both. Give that role in Logto to the users who may use the app, and list the app in “Apps allowed to use the REST API”.', 'logto-bridge' ) }
			</p>
			{ ! step.result && (
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'Make wordpress:app a default role', 'logto-bridge' ) }
					help={ __( 'Every new user of your Logto tenant then gets it, also those who sign up for your other apps: all of them may read and write this site through an allowed app, within their WordPress role. Leave it off unless this tenant serves only this site.', 'logto-bridge' ) }
					checked={ defaultRole }
					onChange={ setDefaultRole }
				/>
			) }
			{ step.error && <Notice status="error" isDismissible={ false }>{ step.error }</Notice> }
			{ step.result ? (
				<>
					<Notice status="success" isDismissible={ false }>
						{ step.result.applied
							? sprintf( /* translators: %s: API resource indicator. */ __( 'Registered %s in Logto.', 'logto-bridge' ), step.result.resource?.indicator ?? '' )
							: sprintf( /* translators: %s: API resource indicator. */ __( '%s was registered already; nothing to change.', 'logto-bridge' ), step.result.resource?.indicator ?? '' ) }
					</Notice>
					{ step.result.applied && <ChangesList changes={ step.result.changes } confirmed={ false } onConfirm={ () => undefined } /> }
				</>
			) : (
				<Button variant="secondary" onClick={ register } isBusy={ step.busy } disabled={ step.busy }>{ __( 'Register the REST API', 'logto-bridge' ) }</Button>
			) }
		</section>
	);
}
