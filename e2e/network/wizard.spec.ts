// "Set up Logto for me" on a network: run once, by a super admin, from Network Admin > Logto. It
// writes the network's connection (never a site's), and the one app it makes serves every site.
// Runs after subdirectory.spec.ts (files run in name order): it gives the network a new Logto app.
import { newPhone } from '../support/logto';
import { expect, test } from '../support/test';
import { idpUrl } from '../support/wordpress';
import { startPhoneSignIn, verifyPhone } from '../many-sites/sites';
import { networkAppId, rolesOn, saveSiteSettings, signInAsSuperAdmin, siteOption, sites, sql, superAdminRest, usersWithPhone } from './network';

test.describe.configure( { mode: 'serial' } );

const { main, c } = sites();

test.beforeAll( async () => {
	// Site c gives its new members its own role (as in subdirectory.spec.ts), so this file runs alone too.
	await saveSiteSettings( c, { default_role: 'contributor' } );
} );

test( "a site's own wizard is refused on a network, even to a super admin: the connection it writes is the network's", async ( { page } ) => {
	const rest = await superAdminRest( c );
	const headers = { 'X-WP-Nonce': rest.nonce };
	const refused = await rest.post( `${ c.url }/wp-json/logto-bridge/v1/setup/connect`, { data: { logto: { endpoint: idpUrl(), app_id: 'wordpress-setup', app_secret: 'local-setup-secret' } }, headers } );
	expect( refused.status() ).toBe( 403 );
	expect( ( await refused.json() ).message ).toBe( 'On a network, Logto is set up once for every site, in Network Admin > Logto.' );
	await rest.dispose();

	await signInAsSuperAdmin( page );
	await page.goto( `${ c.url }/wp-admin/admin.php?page=logto-bridge` );
	await expect( page.getByText( 'This site signs in with the network’s Logto connection' ).first() ).toBeVisible();
	await expect( page.getByRole( 'heading', { name: 'Set up Logto for me' } ), "not on a site's screen" ).toHaveCount( 0 );
} );

test( "the wizard on Network Admin > Logto makes one Logto app for the network: its ID and secret are the network's, and a new visitor signs in with it on site c", async ( { page, browser } ) => {
	const appIdBefore = networkAppId();
	expect( appIdBefore ).toBeTruthy();

	await signInAsSuperAdmin( page );
	await page.goto( `${ main.url }/wp-admin/network/admin.php?page=logto-bridge` );
	const wizard = page.locator( '.logto-bridge-setup' );
	await wizard.getByRole( 'button', { name: 'Start', exact: true } ).click();
	await expect( wizard.getByText( /^For every site of the network: one Logto application/ ) ).toBeVisible();
	await wizard.getByLabel( 'Logto endpoint', { exact: true } ).fill( idpUrl() );
	await wizard.getByLabel( 'Machine-to-machine app ID', { exact: true } ).fill( 'wordpress-setup' );
	await wizard.getByLabel( 'Machine-to-machine app secret', { exact: true } ).fill( 'local-setup-secret' );
	await wizard.getByRole( 'button', { name: 'Connect', exact: true } ).click();
	await expect( wizard.getByText( /Connected to Logto’s Management API/ ) ).toBeVisible();
	await wizard.getByLabel( 'Name', { exact: true } ).fill( 'Our network' );
	await wizard.getByRole( 'button', { name: 'Create the WordPress application', exact: true } ).click();
	await expect( wizard.getByText( /“Our network” is ready; its app ID and secret are saved/ ) ).toBeVisible();
	await wizard.getByLabel( 'Keep the machine-to-machine credentials for later changes' ).check();
	await wizard.getByRole( 'button', { name: 'Finish', exact: true } ).click();
	await expect( wizard.getByText( 'Done. The credentials are kept for later changes.' ) ).toBeVisible();

	// Saved as the network's: the screen's App ID below, the site option; no site holds any of it.
	const appId = networkAppId();
	expect( appId ).toBeTruthy();
	expect( appId ).not.toBe( appIdBefore );
	await expect( page.getByLabel( 'App ID', { exact: true } ) ).toHaveValue( appId! );
	for ( const site of Object.values( sites() ) ) {
		expect( siteOption( site, 'logto_bridge_settings' ), `blog ${ site.blog }` ).not.toContain( appId! );
		expect( siteOption( site, 'logto_bridge_setup' ), `blog ${ site.blog }: the kept credentials are the network's` ).toBe( '' );
	}
	expect( sql( "SELECT meta_value FROM wp_sitemeta WHERE meta_key = 'logto_bridge_setup'" ) ).toContain( 'wordpress-setup' );

	// A new visitor on site c goes to Logto as the new app, and lands back on c as a member of c.
	const context = await browser.newContext();
	const visitor = await context.newPage();
	const clients: string[] = [];
	visitor.on( 'request', ( r ) => {
		const url = new URL( r.url() );
		if ( url.pathname.endsWith( '/oidc/auth' ) ) clients.push( url.searchParams.get( 'client_id' ) ?? '' );
	} );
	const phone = newPhone();
	try {
		await startPhoneSignIn( visitor, c, phone );
		await verifyPhone( visitor, phone, { newNumber: true } );
		await expect( visitor ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );
	} finally {
		await context.close();
	}
	expect( clients ).toEqual( [ appId ] );
	const [ id, ...more ] = usersWithPhone( phone );
	expect( more ).toEqual( [] );
	expect( rolesOn( id!, c ) ).toEqual( [ 'contributor' ] );
} );
