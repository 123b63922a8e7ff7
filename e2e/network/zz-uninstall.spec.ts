// Runs last (files run in name order): deleting the plugin removes what it stored on every site of
// the network and the network's own rows.
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';

import { chownForRoot } from '../../scripts/lib/native/system-user.mjs';
import { repoRoot } from '../../scripts/lib/paths.mjs';
import { expect, test } from '../support/test';
import { coreDir, signInAsSuperAdmin, sites, sql } from './network';

const lines = ( text: string ) => text.split( '\n' ).filter( Boolean );
/** Every row and table whose name says logto, on every site, in the network's meta and in user meta. */
function logtoRows() {
	const tables = lines( sql( "SHOW TABLES LIKE 'wp\\_%options'" ) );
	const options = tables.flatMap( ( t ) => lines( sql( `SELECT CONCAT('${ t }:', option_name) FROM ${ t } WHERE option_name LIKE '%logto%'` ) ) );
	const network = lines( sql( "SELECT CONCAT('sitemeta:', meta_key) FROM wp_sitemeta WHERE meta_key LIKE '%logto%'" ) );
	const users = lines( sql( "SELECT DISTINCT CONCAT('usermeta:', meta_key) FROM wp_usermeta WHERE meta_key LIKE '%logto%'" ) );
	return { rows: [ ...options, ...network, ...users ], tables: lines( sql( "SHOW TABLES LIKE '%logto_bridge_activity'" ) ) };
}

test( 'deleting the plugin in Network Admin > Plugins leaves no row or table of it on any site of the network', async ( { page } ) => {
	const before = logtoRows();
	// What the suite left: a site's own settings (c's role), the network's settings and kept setup
	// credentials, the members' Logto IDs, and the sign-in activity tables.
	for ( const row of [ 'wp_3_options:logto_bridge_settings', 'sitemeta:logto_bridge_network_settings', 'sitemeta:logto_bridge_setup', 'usermeta:logto_sub' ] ) {
		expect( before.rows, row ).toContain( row );
	}
	expect( before.tables.length, before.tables.join() ).toBeGreaterThan( 1 );

	// The stack links plugin/ into WordPress, and deleting it there would delete the repository's
	// files: the same plugin, copied, is the one deleted (its uninstall.php is the one under test).
	const plugins = join( coreDir(), 'wp-content', 'plugins' );
	cpSync( join( repoRoot, 'plugin' ), join( plugins, 'logto-bridge-copy' ), { recursive: true, dereference: true } );
	chownForRoot( 'www-data', join( plugins, 'logto-bridge-copy' ) );
	execFileSync( 'chmod', [ 'a+w', plugins ] );
	await signInAsSuperAdmin( page );
	await page.goto( `${ sites().main.url }/wp-admin/network/plugins.php` );
	await page.locator( 'tr[data-plugin="logto-bridge/logto-bridge.php"]' ).getByRole( 'link', { name: /^Network Deactivate/ } ).click();
	await expect( page.getByText( 'Plugin deactivated.' ) ).toBeVisible();
	page.on( 'dialog', ( dialog ) => void dialog.accept() );
	await page.locator( 'tr[data-plugin="logto-bridge-copy/logto-bridge.php"]' ).getByRole( 'link', { name: /^Delete/ } ).click();
	await expect( page.locator( 'tr[data-plugin="logto-bridge-copy/logto-bridge.php"]' ) ).toContainText( 'was successfully deleted' );

	expect( logtoRows() ).toEqual( { rows: [], tables: [] } );
} );
