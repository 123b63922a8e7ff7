import { createRoot } from '@wordpress/element';

import SettingsApp from './settings-app';
import './style.scss';

const root = document.getElementById( 'logto-bridge-settings' );
if ( root ) {
	// Network Admin > Logto prints data-scope="network": the same screen, for the network's settings.
	createRoot( root ).render( <SettingsApp network={ root.dataset.scope === 'network' } /> );
}
