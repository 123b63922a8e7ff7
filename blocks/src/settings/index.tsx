import { createRoot } from '@wordpress/element';

import SettingsApp from './settings-app';
import './style.scss';

const root = document.getElementById( 'logto-bridge-settings' );
if ( root ) {
	createRoot( root ).render( <SettingsApp /> );
}
