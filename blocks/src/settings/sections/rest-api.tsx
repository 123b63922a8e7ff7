import { Card, CardBody, CardHeader, __experimentalHeading as Heading } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { DraftFields } from '../draft-fields';

/** The API resource Logto access tokens are for, and the apps allowed to use them. */
export default function RestApi( { fields, network }: { fields: DraftFields; network: boolean } ) {
	const { text } = fields;
	// On a network one resource serves every site: the main site's /wp-json (Bearer_Auth::resource()).
	const empty = network
		? __( 'Empty: the main site’s /wp-json, for every site of the network.', 'logto-bridge' )
		: __( 'Empty: this site’s /wp-json.', 'logto-bridge' );
	return (
	<Card>
		<CardHeader><Heading level={ 2 }>{ __( 'Apps and the REST API', 'logto-bridge' ) }</Heading></CardHeader>
		<CardBody>
			{ text( 'api_resource', __( 'API resource indicator', 'logto-bridge' ), `${ empty } ${ __( 'Register it in Logto Console > API resources with the permissions wp:read and wp:write, and grant them through a role. An app’s Logto access token for it then works on this site’s REST API as the linked user: wp:read reads, wp:write also writes within the user’s own capabilities.', 'logto-bridge' ) }` ) }
			{ text( 'api_clients', __( 'Apps allowed to use the REST API', 'logto-bridge' ), __( 'The app IDs (Logto Console > Applications), separated by commas. Any app of your Logto tenant can get a token for the resource: only these act on this site. Empty: none.', 'logto-bridge' ) ) }
		</CardBody>
	</Card>
	);
}
