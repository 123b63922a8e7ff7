import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { queryMariaDb } from '../../scripts/lib/native/mariadb.mjs';
import { expect } from '../support/test';
import { idpUrl, smsCode } from '../support/wordpress';
import type { SitesRun } from './global-setup';

const run = () => JSON.parse( process.env.E2E_SITES as string ) as SitesRun;
export type Site = SitesRun[ 'sites' ][ number ];

export const site = ( id: string ): Site => {
	const found = run().sites.find( ( s ) => s.id === id );
	if ( ! found ) throw new Error( `no site ${ id }` );
	return found;
};
export const bridgeUrl = () => run().bridgeUrl;

/** A query against one site's own MariaDB (as root, through its socket), tab-separated. */
export const sql = ( s: Site, statement: string ) => queryMariaDb( join( s.dataDir, 'mariadb' ), statement );

/** The IDs of the WordPress users in a database (`query` runs SQL on it) whose verified Logto phone is `phone`. */
export const userIdsWithPhone = ( query: ( statement: string ) => string, phone: string ) =>
	query( `SELECT user_id FROM wp_usermeta WHERE meta_key = 'logto_phone' AND meta_value = '${ phone.replace( /[^+\d]/g, '' ) }'` ).split( '\n' ).filter( Boolean );

/** The WordPress users of a site whose verified Logto phone is `phone`: their IDs. */
export const usersWithPhone = ( s: Site, phone: string ) => userIdsWithPhone( ( statement ) => sql( s, statement ), phone );

/** What the bridge logged since `mark()` was called, as JSON lines. */
export function bridgeLog() {
	const file = join( run().logDir, 'bridge-a.log' );
	const from = readFileSync( file, 'utf8' ).length;
	return () =>
		readFileSync( file, 'utf8' )
			.slice( from )
			.split( '\n' )
			.filter( ( l ) => l.startsWith( '{' ) )
			.map( ( l ) => JSON.parse( l ) as Record< string, unknown > );
}

/** On `s`'s wp-login.php (phone mode): types the number and goes to Logto. */
export async function startPhoneSignIn( page: Page, s: { url: string }, phone: string ) {
	await page.goto( `${ s.url }/wp-login.php` );
	await page.getByLabel( 'Phone number' ).fill( phone );
	await page.getByRole( 'button', { name: 'Continue with phone' } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
}

/** At Logto's code screen: the SMS code, and for a new number "create a new one?". */
export async function verifyPhone( page: Page, phone: string, { newNumber }: { newNumber: boolean } ) {
	const since = Date.now();
	await expect( page.getByLabel( 'Phone number' ) ).toHaveValue( phone );
	await page.getByRole( 'button', { name: 'Send code' } ).click();
	await page.getByLabel( 'Verification code' ).fill( await smsCode( phone, since ) );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
	if ( newNumber ) await page.getByRole( 'button', { name: 'Continue' } ).click();
}
