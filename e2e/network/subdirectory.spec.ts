// A WordPress multisite network (subdirectory install: the main site, /b/ and /c/) with the plugin
// network-activated: one Logto app and one bridge for the network, each site its own members and
// roles, in Chromium on the native runtime.
import { newPhone } from '../support/logto';
import { expect, test } from '../support/test';
import { startPhoneSignIn, verifyPhone } from '../many-sites/sites';
import { bridgeUrl, rolesOn, sites, superAdminRest, usersWithPhone } from './network';

test.describe.configure( { mode: 'serial' } );

const { b, c } = sites();
const phone = newPhone();

test.beforeAll( async () => {
	// Site c gives its new members another role than the network's default.
	const rest = await superAdminRest( c );
	const res = await rest.post( `${ c.url }/wp-json/logto-bridge/v1/settings`, { data: { default_role: 'contributor' }, headers: { 'X-WP-Nonce': rest.nonce } } );
	expect( res.status(), await res.text() ).toBe( 200 );
	await rest.dispose();
} );

test( 'a visitor signs up by phone on site b: one user of the network, a member of b only, back on b', async ( { page } ) => {
	await startPhoneSignIn( page, b, phone );
	await verifyPhone( page, phone, { newNumber: true } );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	const [ id, ...more ] = usersWithPhone( phone );
	expect( more, 'one user for the whole network' ).toEqual( [] );
	expect( rolesOn( id!, b ), "b's role" ).toEqual( [ 'subscriber' ] );
	expect( rolesOn( id!, c ), 'not a member of c yet' ).toEqual( [] );
	expect( rolesOn( id!, sites().main ), 'nor of the main site' ).toEqual( [] );
} );

test( 'the member opens site c: signed in with no Logto round trip, and joins c with its role', async ( { page } ) => {
	await startPhoneSignIn( page, b, phone );
	await verifyPhone( page, phone, { newNumber: false } );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	const toBridge: string[] = [];
	page.on( 'request', ( r ) => {
		if ( r.url().startsWith( bridgeUrl() ) ) toBridge.push( r.url() );
	} );
	await page.goto( `${ c.url }/wp-admin/` );
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );
	await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
	expect( toBridge, 'no sign-in through the bridge' ).toEqual( [] );
	const [ id ] = usersWithPhone( phone );
	expect( rolesOn( id!, c ), "c's own default role" ).toEqual( [ 'contributor' ] );
	expect( rolesOn( id!, b ) ).toEqual( [ 'subscriber' ] );

	// Signing out on c signs the member out of the whole network.
	await page.locator( '#wp-admin-bar-my-account' ).hover();
	await page.getByRole( 'menuitem', { name: 'Log Out' } ).click();
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/` ) );
	for ( const site of [ b, c ] ) {
		await page.goto( `${ site.url }/wp-admin/` );
		await expect( page, `signed out of ${ site.url }` ).toHaveURL( /wp-login\.php/ );
	}
} );
