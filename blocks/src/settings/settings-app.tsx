import { __ } from '@wordpress/i18n';
import { Card, CardBody, CardHeader, __experimentalHeading as Heading } from '@wordpress/components';

export default function SettingsApp() {
	return (
		<div className="logto-bridge-settings">
			<Heading level={ 1 }>{ __( 'Logto settings', 'logto-bridge' ) }</Heading>
			<Card>
				<CardHeader>
					<Heading level={ 2 }>{ __( 'Connection', 'logto-bridge' ) }</Heading>
				</CardHeader>
				<CardBody>
					<p>
						{ __(
							'Connect this site to your Logto tenant so visitors can sign in with their phone number and an SMS code.',
							'logto-bridge'
						) }
					</p>
				</CardBody>
			</Card>
		</div>
	);
}
