import { Card, CardBody, CardHeader, __experimentalHeading as Heading } from '@wordpress/components';
import { __ } from '@wordpress/i18n';
import type { AppRegistrationUris } from '@logto-bridge/contract';

import ConnectionCheck from '../connection-check';
import CopyField from '../copy-field';

/** The URIs to register in Logto (as the bridge reports them, once it has), and the connection check. */
export default function ConsoleUris( { uris, reported, runOnMount, onUris }: { uris: AppRegistrationUris; reported: boolean; runOnMount: boolean; onUris: ( uris: AppRegistrationUris ) => void } ) {
	return (
	<Card>
		<CardHeader><Heading level={ 2 }>{ __( 'Paste these into the Logto Console', 'logto-bridge' ) }</Heading></CardHeader>
		<CardBody>
			<CopyField label={ __( 'Redirect URI', 'logto-bridge' ) } value={ uris.redirectUri } help={ __( 'Application details > Redirect URIs', 'logto-bridge' ) } />
			<CopyField label={ __( 'Post sign-out redirect URI', 'logto-bridge' ) } value={ uris.postSignOutRedirectUri } help={ __( 'Application details > Post sign-out redirect URIs', 'logto-bridge' ) } />
			<CopyField label={ __( 'Back-channel logout URI', 'logto-bridge' ) } value={ uris.backchannelLogoutUri } help={ __( 'Optional: ends WordPress sessions when the user signs out of Logto.', 'logto-bridge' ) } />
			<p className="description">
				{ reported
					? __( 'As the bridge serves them.', 'logto-bridge' )
					: __( 'From the bridge URL; the connection check asks the bridge itself.', 'logto-bridge' ) }
			</p>
			<ConnectionCheck runOnMount={ runOnMount } onUris={ onUris } />
		</CardBody>
	</Card>
	);
}
