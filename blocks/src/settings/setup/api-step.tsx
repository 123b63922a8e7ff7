import { Button, Notice } from '@wordpress/components';
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
	const register = async () => {
		const result = await step.apply();
		if ( result ) onDone( result );
	};
	return (
		<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-api">
			<h3 id="logto-setup-api">{ __( '5. Apps and the REST API (optional)', 'logto-bridge' ) }</h3>
			<p className="description">
				{ __( 'Registers this site’s REST API in Logto as an API resource with the permissions wp:read and wp:write, and a role wordpress:app that grants both and that every new account gets. Give that role to existing users in Logto to let them use the app.', 'logto-bridge' ) }
			</p>
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
