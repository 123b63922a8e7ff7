import { Card, CardBody, CardHeader, __experimentalHeading as Heading, Button, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { DraftFields } from '../draft-fields';

/** Logto's endpoint, the app and its write-only secret, and where the bridge runs. */
export default function Connection( { fields, newSecret, setNewSecret }: { fields: DraftFields; newSecret: string | null; setNewSecret: ( s: string | null ) => void } ) {
	const { settings, locked, lockedHelp, text } = fields;
	return (
	<Card>
		<CardHeader><Heading level={ 2 }>{ __( 'Connection', 'logto-bridge' ) }</Heading></CardHeader>
		<CardBody>
			{ text( 'endpoint', __( 'Logto endpoint', 'logto-bridge' ), __( 'For example https://your-tenant.logto.app', 'logto-bridge' ) ) }
			{ text( 'app_id', __( 'App ID', 'logto-bridge' ), __( 'From your Traditional web application in the Logto Console.', 'logto-bridge' ) ) }
			{ locked( 'app_secret' ) ? (
				<p>{ __( 'App secret', 'logto-bridge' ) }: { lockedHelp( 'app_secret' ) }</p>
			) : settings.app_secret_set && newSecret === null ? (
				<div className="logto-bridge-settings__secret">
					<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'App secret', 'logto-bridge' ) } value="••••••••••••" readOnly disabled onChange={ () => {} } help={ __( 'Saved. It is never shown again.', 'logto-bridge' ) } />
					<Button variant="secondary" onClick={ () => setNewSecret( '' ) }>{ __( 'Replace secret', 'logto-bridge' ) }</Button>
				</div>
			) : (
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					type="password"
					autoComplete="new-password"
					label={ __( 'App secret', 'logto-bridge' ) }
					value={ newSecret ?? '' }
					onChange={ ( v ) => setNewSecret( v ) }
				/>
			) }
			{ text( 'bridge_url', __( 'Bridge URL', 'logto-bridge' ), __( 'Where the Logto Bridge service runs, e.g. https://auth.example.com. Use https: sign-in tickets and user data travel between this site and the bridge (plain http only for 127.0.0.1 or localhost).', 'logto-bridge' ) ) }
		</CardBody>
	</Card>
	);
}
