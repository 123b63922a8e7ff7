import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';

import { queryWordPressDb } from '../../../scripts/lib/native/mariadb.mjs';
import { chownForRoot } from '../../../scripts/lib/native/system-user.mjs';
import { repoRoot } from '../../../scripts/lib/paths.mjs';
import { e2eDataDir } from '../../../scripts/lib/stack.mjs';
import { expect, test } from '../../support/test';
import { wpDir } from '../../support/wordpress';

// Runs last (stack/ is the last folder, uninstall the last file in it): it removes the plugin's data.
const sql = ( statement: string ) => queryWordPressDb( e2eDataDir, statement );

/** Every row whose name says logto, straight from MariaDB: options (transients, locks, nonces included) and user meta. */
const logtoRows = () =>
	sql( "SELECT option_name FROM wp_options WHERE option_name LIKE '%logto%' UNION ALL SELECT meta_key FROM wp_usermeta WHERE meta_key LIKE '%logto%'" )
		.split( '\n' )
		.filter( Boolean );

test.describe( 'native runtime only: uninstalling', () => {
	test.skip( process.env.WP_RUNTIME !== 'native', 'the database is read with SQL from MariaDB' );

	test( 'deleting the plugin in wp-admin leaves no row or table of it in the database', async ( { adminPage: page } ) => {
		const before = logtoRows();
		// What the suite left: settings, users' Logto IDs and phones, link requests, bearer cache, replay nonces.
		for ( const row of [ 'logto_bridge_settings', 'logto_sub', 'logto_phone' ] ) expect( before, row ).toContain( row );
		expect( before.some( ( r ) => r.startsWith( '_transient_logto_bearer_' ) ), 'a cached bearer token' ).toBe( true );
		const activityTable = () => sql( "SHOW TABLES LIKE 'wp_logto_bridge_activity'" );
		expect( activityTable(), 'the sign-in activity table (Logto > Activity)' ).toBe( 'wp_logto_bridge_activity' );
		expect( Number( sql( 'SELECT COUNT(*) FROM wp_logto_bridge_activity' ) ), 'with the failures the suite caused' ).toBeGreaterThan( 0 );

		// The stack links plugin/ into WordPress, and deleting it there would delete the repository's
		// files: the same plugin, copied, is the one deleted (its uninstall.php is the one under test).
		const plugins = join( wpDir(), 'wp-content', 'plugins' );
		cpSync( join( repoRoot, 'plugin' ), join( plugins, 'logto-bridge-copy' ), { recursive: true, dereference: true } );
		// php-fpm runs as www-data when the stack was started by root: WordPress deletes as that account.
		chownForRoot( 'www-data', join( plugins, 'logto-bridge-copy' ) );
		execFileSync( 'chmod', [ 'a+w', plugins ] );
		await page.goto( '/wp-admin/plugins.php' );
		await page.locator( 'tr[data-plugin="logto-bridge/logto-bridge.php"]' ).getByRole( 'link', { name: /^Deactivate/ } ).click();
		await expect( page.getByText( 'Plugin deactivated.' ) ).toBeVisible();
		page.on( 'dialog', ( dialog ) => void dialog.accept() );
		await page.locator( 'tr[data-plugin="logto-bridge-copy/logto-bridge.php"]' ).getByRole( 'link', { name: /^Delete/ } ).click();
		await expect( page.locator( 'tr[data-plugin="logto-bridge-copy/logto-bridge.php"]' ) ).toContainText( 'was successfully deleted' );

		expect( logtoRows() ).toEqual( [] );
		expect( activityTable(), 'the activity table is gone' ).toBe( '' );
	} );
} );
