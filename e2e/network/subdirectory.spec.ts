// A WordPress multisite network (subdirectory install: the main site, /b/ and /c/) with the plugin
// network-activated: one Logto app and one bridge for the network, each site its own members and
// roles, in Chromium on the native runtime.
import { request } from '@playwright/test';

import { appAccessToken } from '@logto-bridge/testkit/app-token';
import { registerNativeApp } from '@logto-bridge/testkit/management-api';

import { newPhone } from '../support/logto';
import { expect, test } from '../support/test';
import { idpUrl } from '../support/wordpress';
import { startPhoneSignIn, verifyPhone } from '../many-sites/sites';
import { bridgeUrl, networkOption, rolesOn, saveSiteSettings, signInAsSuperAdmin, siteOption, sites, sql, superAdminRest, usersWithPhone } from './network';

test.describe.configure( { mode: 'serial' } );

const { b, c } = sites();
const phone = newPhone();

test.beforeAll( async () => {
	// Site c gives its new members another role than the network's default.
	await saveSiteSettings( c, { default_role: 'contributor' } );
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

test( "Network Admin > Logto holds the network's connection; a site's screen shows it read-only and keeps only what the site changes", async ( { page } ) => {
	await signInAsSuperAdmin( page );
	await page.goto( `${ sites().main.url }/wp-admin/network/admin.php?page=logto-bridge` );
	await expect( page.getByRole( 'heading', { name: 'Logto settings for the network' } ) ).toBeVisible();
	await expect( page.getByLabel( 'Logto endpoint' ) ).toBeEnabled();
	await expect( page.getByLabel( 'Logto endpoint' ) ).toHaveValue( idpUrl() );

	await page.goto( `${ c.url }/wp-admin/admin.php?page=logto-bridge` );
	await expect( page.getByText( 'This site signs in with the network’s Logto connection' ).first() ).toBeVisible();
	await expect( page.getByLabel( 'Logto endpoint' ) ).toBeDisabled();
	await expect( page.getByText( 'Set for the whole network in Network Admin > Logto.' ).first() ).toBeVisible();

	const rest = await superAdminRest( c );
	const refused = await rest.post( `${ c.url }/wp-json/logto-bridge/v1/settings`, { data: { endpoint: 'https://elsewhere.example' }, headers: { 'X-WP-Nonce': rest.nonce } } );
	expect( refused.status() ).toBe( 400 );
	expect( ( await refused.json() ).data.fields.endpoint ).toBe( 'This is set for the whole network, in Network Admin > Logto.' );
	// The network's own value, saved on a site, is not kept there: the site follows the network.
	const same = await rest.post( `${ c.url }/wp-json/logto-bridge/v1/settings`, { data: { login_mode: 'phone' }, headers: { 'X-WP-Nonce': rest.nonce } } );
	expect( same.status() ).toBe( 200 );
	expect( siteOption( c, 'logto_bridge_settings' ) ).toContain( 'contributor' );
	expect( siteOption( c, 'logto_bridge_settings' ) ).not.toContain( 'login_mode' );
	const network = await superAdminRest( sites().main );
	const buttons = await network.post( `${ sites().main.url }/wp-json/logto-bridge/v1/network-settings`, { data: { login_mode: 'buttons' }, headers: { 'X-WP-Nonce': network.nonce } } );
	expect( buttons.status(), await buttons.text() ).toBe( 200 );
	try {
		await page.context().clearCookies();
		await page.goto( `${ c.url }/wp-login.php` );
		await expect( page.getByRole( 'button', { name: 'Sign in with Logto' } ), 'site c follows the network' ).toBeVisible();
	} finally {
		await network.post( `${ sites().main.url }/wp-json/logto-bridge/v1/network-settings`, { data: { login_mode: 'phone' }, headers: { 'X-WP-Nonce': network.nonce } } );
		await network.dispose();
		await rest.dispose();
	}
} );

test( 'Logto ending the session (back-channel logout) signs the member out on every site of the network', async ( { page } ) => {
	await startPhoneSignIn( page, b, phone );
	await verifyPhone( page, phone, { newNumber: false } );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	await page.goto( `${ c.url }/wp-admin/` );
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );
	await page.goto( `${ idpUrl() }/oidc/session/end` );
	await expect( page.getByText( 'You have been signed out.' ) ).toBeVisible();
	for ( const site of [ b, c ] ) {
		await expect( async () => {
			await page.goto( `${ site.url }/wp-admin/` );
			await expect( page ).toHaveURL( /wp-login\.php/ );
		}, `signed out of ${ site.url }` ).toPass( { timeout: 10_000 } );
	}
} );

test( 'a site added in Network Admin > Sites signs its first visitor in on itself, with nothing registered at Logto', async ( { page, browser } ) => {
	await signInAsSuperAdmin( page );
	await page.goto( `${ sites().main.url }/wp-admin/network/site-new.php` );
	await page.locator( '#site-address' ).fill( 'd' );
	await page.locator( '#site-title' ).fill( 'Site d' );
	await page.locator( '#admin-email' ).fill( 'admin@example.com' );
	await page.getByRole( 'button', { name: 'Add Site' } ).click();
	await expect( page.getByText( 'Site added.' ) ).toBeVisible();

	const visitor = await ( await browser.newContext() ).newPage();
	const newcomer = newPhone();
	const d = { url: `${ sites().main.url }/d`, blog: 4 };
	await startPhoneSignIn( visitor, d, newcomer );
	await verifyPhone( visitor, newcomer, { newNumber: true } );
	await expect( visitor ).toHaveURL( new RegExp( `^${ d.url }/wp-admin/` ) );
	const [ id ] = usersWithPhone( newcomer );
	expect( rolesOn( id!, d ) ).toEqual( [ 'subscriber' ] );
	expect( rolesOn( id!, sites().main ), 'not sent to the main site' ).toEqual( [] );
	await visitor.context().close();
} );

test( "a super admin keeps their role when Logto's roles map to another: Logto does not manage administrators here", async ( { page } ) => {
	const [ id ] = usersWithPhone( phone );
	const login = sql( `SELECT user_login FROM wp_users WHERE ID = ${ Number( id ) }` );
	const admins = sql( "SELECT meta_value FROM wp_sitemeta WHERE meta_key = 'site_admins'" );
	sql( `UPDATE wp_sitemeta SET meta_value = 'a:2:{i:0;s:5:"admin";i:1;s:${ login.length }:"${ login }";}' WHERE meta_key = 'site_admins'` );
	sql( `UPDATE wp_usermeta SET meta_value = 'a:1:{s:6:"editor";b:1;}' WHERE user_id = ${ Number( id ) } AND meta_key = 'wp_2_capabilities'` );
	const network = await superAdminRest( sites().main );
	const mapped = await network.post( `${ sites().main.url }/wp-json/logto-bridge/v1/network-settings`, { data: { role_mapping: [ { logto_role: 'editor', wp_role: 'editor' } ] }, headers: { 'X-WP-Nonce': network.nonce } } );
	expect( mapped.status(), await mapped.text() ).toBe( 200 );
	try {
		await startPhoneSignIn( page, b, phone );
		await verifyPhone( page, phone, { newNumber: false } );
		await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
		expect( rolesOn( id!, b ), 'no Logto role maps, so a member would become a subscriber; the super admin stays an editor' ).toEqual( [ 'editor' ] );
	} finally {
		await network.post( `${ sites().main.url }/wp-json/logto-bridge/v1/network-settings`, { data: { role_mapping: [] }, headers: { 'X-WP-Nonce': network.nonce } } );
		await network.dispose();
		sql( `UPDATE wp_sitemeta SET meta_value = '${ admins }' WHERE meta_key = 'site_admins'` );
	}
} );

test( 'the member, signed out, signs in through Logto on the main site: still one user of the network, now a member there too', async ( { page } ) => {
	const main = sites().main;
	expect( rolesOn( usersWithPhone( phone )[ 0 ]!, main ), 'not a member of the main site yet' ).toEqual( [] );
	await startPhoneSignIn( page, main, phone );
	await verifyPhone( page, phone, { newNumber: false } );
	await expect( page ).toHaveURL( new RegExp( `^${ main.url }/wp-admin/` ) );
	const [ id, ...more ] = usersWithPhone( phone );
	expect( more, 'found across the network, not made again' ).toEqual( [] );
	expect( rolesOn( id!, main ) ).toEqual( [ 'subscriber' ] );
} );

test( "a site's administrator sets the site's Logto settings, never the network's", async () => {
	const superAdmin = await superAdminRest( c );
	const made = await superAdmin.post( `${ c.url }/wp-json/wp/v2/users`, {
		data: { username: 'cowner', email: 'cowner@example.com', password: 'cowner-Wp-Password-1', roles: [ 'administrator' ] },
		headers: { 'X-WP-Nonce': superAdmin.nonce },
	} );
	expect( made.status(), await made.text() ).toBe( 201 );
	await superAdmin.dispose();
	const owner = await request.newContext();
	const login = await owner.post( `${ c.url }/wp-login.php`, {
		form: { log: 'cowner', pwd: 'cowner-Wp-Password-1', 'wp-submit': 'Log In', testcookie: '1', logto_break_glass: '1' },
		headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
		maxRedirects: 0,
	} );
	expect( login.status() ).toBe( 302 );
	const nonce = await ( await owner.get( `${ c.url }/wp-admin/admin-ajax.php?action=rest-nonce` ) ).text();
	const headers = { 'X-WP-Nonce': nonce };
	expect( ( await owner.get( `${ c.url }/wp-json/logto-bridge/v1/settings`, { headers } ) ).status(), "the site's own" ).toBe( 200 );
	expect( ( await owner.get( `${ c.url }/wp-json/logto-bridge/v1/network-settings`, { headers } ) ).status(), "the network's: not theirs" ).toBe( 403 );
	const refused = await owner.post( `${ c.url }/wp-json/logto-bridge/v1/network-settings`, { data: { endpoint: 'https://elsewhere.example' }, headers } );
	expect( refused.status() ).toBe( 403 );
	// Nor the network's wizard, which writes the network's connection.
	expect( ( await owner.get( `${ c.url }/wp-json/logto-bridge/v1/network-setup`, { headers } ) ).status(), "the network's wizard" ).toBe( 403 );
	const wizard = await owner.post( `${ c.url }/wp-json/logto-bridge/v1/network-setup/connect`, { data: { logto: { endpoint: idpUrl(), app_id: 'wordpress-setup', app_secret: 'local-setup-secret' } }, headers } );
	expect( wizard.status() ).toBe( 403 );
	expect( siteOption( sites().main, 'logto_bridge_settings' ) + JSON.stringify( networkOption() ) ).not.toContain( 'elsewhere' );
	await owner.dispose();
} );

test( "roles follow Logto per site: each site maps the member's Logto roles with its own mapping", async ( { page } ) => {
	// idp/fixtures/users.json: ed (+12015550123) holds the Logto role `editor`.
	const ed = '+12015550123';
	const mappings = { b: [ { logto_role: 'editor', wp_role: 'editor' } ], c: [ { logto_role: 'editor', wp_role: 'author' } ] };
	for ( const [ name, site ] of [ [ 'b', b ], [ 'c', c ] ] as const ) await saveSiteSettings( site, { role_mapping: mappings[ name ] } );
	await startPhoneSignIn( page, b, ed );
	await verifyPhone( page, ed, { newNumber: false } );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	const [ id ] = usersWithPhone( ed );
	expect( rolesOn( id!, b ), "b maps Logto's editor to editor" ).toEqual( [ 'editor' ] );
	await page.goto( `${ c.url }/wp-admin/` );
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );
	expect( rolesOn( id!, c ), 'c maps it to author, without a sign-in there' ).toEqual( [ 'author' ] );
	expect( rolesOn( id!, sites().main ) ).toEqual( [] );
} );

test( "an app's Logto access token for the network's REST API (the main site's /wp-json) acts as the member on every site, with each site's role", async ( { page } ) => {
	const member = newPhone();
	await startPhoneSignIn( page, b, member );
	await verifyPhone( page, member, { newNumber: true } );
	await expect( page ).toHaveURL( new RegExp( `^${ b.url }/wp-admin/` ) );
	await page.goto( `${ c.url }/wp-admin/` );
	await expect( page ).toHaveURL( new RegExp( `^${ c.url }/wp-admin/` ) );
	const [ id ] = usersWithPhone( member );

	const redirect = 'io.logto.wordpress.network://callback';
	const appId = await registerNativeApp( idpUrl(), 'Network app (e2e)', redirect );
	const network = await superAdminRest( sites().main );
	const saved = await network.post( `${ sites().main.url }/wp-json/logto-bridge/v1/network-settings`, { data: { api_clients: appId }, headers: { 'X-WP-Nonce': network.nonce } } );
	expect( saved.status(), await saved.text() ).toBe( 200 );
	await network.dispose();
	const app = { idpUrl: idpUrl(), outbox: process.env.E2E_SMS_OUTBOX as string, clientId: appId, redirectUri: redirect, resource: `${ sites().main.url }/wp-json` };
	const token = await appAccessToken( app, member, 'wp:read' );
	const api = await request.newContext( { extraHTTPHeaders: { authorization: `Bearer ${ token }` } } );
	for ( const site of [ b, c ] ) {
		const me = await api.get( `${ site.url }/wp-json/wp/v2/users/me?context=edit` );
		expect( me.status(), `${ site.url }: ${ await me.text() }` ).toBe( 200 );
		const body = ( await me.json() ) as { id: number; roles: string[] };
		expect( body.id ).toBe( Number( id ) );
		expect( body.roles, `${ site.url }'s role` ).toEqual( rolesOn( id!, site ) );
	}
	await api.dispose();
} );
