import type { Browser, BrowserContext } from '@playwright/test';

import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { completePhoneVerification, startPhoneSignIn } from '../../support/logto';
import { expect, PHP_MATRIX, test } from '../../support/test';
import { adminRest, createUser, findUserByPhone, findUsers, idpUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

// idp/fixtures/users.json: ed (+12015550123) holds the Logto role `editor`.
const ed = '+12015550123';

/** Ed signs in by phone in a fresh browser; returns his WordPress roles afterwards. */
async function edSignsIn( browser: Browser ) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await startPhoneSignIn( page, ed );
	await completePhoneVerification( page, ed, Date.now() - 1000 );
	await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
	await context.close();
	return ( await findUserByPhone( ed ) )!;
}

/** Creating an application password for a user, as an administrator on the REST API: 'created', or WordPress's error code. */
async function createApplicationPassword( userId: number ) {
	const rest = await adminRest();
	const res = await rest.post( `/wp-json/wp/v2/users/${ userId }/application-passwords`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { name: 'e2e' } } );
	const body = ( await res.json() ) as { code?: string };
	await rest.dispose();
	return res.status() === 201 ? 'created' : body.code;
}

test.describe.configure( { mode: 'serial' } );

test.describe( 'roles follow Logto', () => {
	restoreSettingsAfterAll();

	test( 'with a mapping, each sign-in makes the roles exactly the mapped ones, and takes away what Logto no longer grants', PHP_MATRIX, async ( { browser } ) => {
		// Four sign-ins in Chromium: near a minute on Playground.
		test.setTimeout( 150_000 );
		await updateSettings( { login_mode: 'phone', create_users: true, default_role: 'subscriber', role_mapping: [ { logto_role: 'editor', wp_role: 'editor' } ] } );
		expect( ( await edSignsIn( browser ) ).roles ).toEqual( [ 'editor' ] );

		await updateSettings( { role_mapping: [ { logto_role: 'editor', wp_role: 'author' } ] } );
		expect( ( await edSignsIn( browser ) ).roles, 'editor removed, author given' ).toEqual( [ 'author' ] );

		await updateSettings( { role_mapping: [ { logto_role: 'reviewer', wp_role: 'editor' } ] } );
		expect( ( await edSignsIn( browser ) ).roles, 'nothing maps: the role of new users' ).toEqual( [ 'subscriber' ] );

		// Without any mapping row, roles are WordPress's alone: an admin's manual change stays.
		await updateSettings( { role_mapping: [] } );
		const rest = await adminRest();
		const id = ( await findUserByPhone( ed ) )!.id;
		await rest.post( `/wp-json/wp/v2/users/${ id }`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { roles: [ 'contributor' ] } } );
		await rest.dispose();
		expect( ( await edSignsIn( browser ) ).roles ).toEqual( [ 'contributor' ] );
	} );

	test( 'with "Logto also manages administrators" on, the last administrator keeps the role whatever Logto says; with another administrator, Logto\'s roles apply', async ( { browser } ) => {
		// Four sign-ins, three in Chromium.
		test.setTimeout( 150_000 );
		await updateSettings( { login_mode: 'phone', create_users: true, default_role: 'subscriber', manage_admins: true, role_mapping: [ { logto_role: 'editor', wp_role: 'editor' } ] } );
		// A member whose Logto account holds no mapped role: the role of new users is his target.
		const phone = '+12015550166';
		await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: process.env.E2E_SMS_OUTBOX as string }, phone );
		const signsIn = async () => {
			const context = await browser.newContext();
			const page = await context.newPage();
			await startPhoneSignIn( page, phone );
			await completePhoneVerification( page, phone, Date.now() - 1000 );
			await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
			const nonce = await ( await page.request.get( '/wp-admin/admin-ajax.php?action=rest-nonce' ) ).text();
			const roles = async () => ( ( await ( await page.request.get( '/wp-json/wp/v2/users/me?context=edit', { headers: { 'X-WP-Nonce': nonce } } ) ).json() ) as { roles: string[] } ).roles;
			return { context, page, nonce, roles };
		};
		const first = await signsIn();
		const id = ( await findUserByPhone( phone ) )!.id;
		const rest = await adminRest();
		expect( ( await rest.post( `/wp-json/wp/v2/users/${ id }`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { roles: [ 'administrator' ] } } ) ).status() ).toBe( 200 );
		const others = ( ( await ( await rest.get( '/wp-json/wp/v2/users?roles=administrator&context=edit&per_page=100', { headers: { 'X-WP-Nonce': rest.nonce } } ) ).json() ) as Array< { id: number } > ).map( ( u ) => u.id ).filter( ( other ) => other !== id );
		await rest.dispose();
		// With his own session he makes himself the only administrator (and puts the others back after).
		const setRoles = ( user: number, roles: string[] ) => first.page.request.post( `/wp-json/wp/v2/users/${ user }`, { headers: { 'X-WP-Nonce': first.nonce }, data: { roles } } );
		try {
			for ( const other of others ) expect( ( await setRoles( other, [ 'editor' ] ) ).status() ).toBe( 200 );
			const second = await signsIn();
			const roles = await second.roles();
			await second.context.close();
			expect( roles, 'the last administrator is not demoted' ).toEqual( [ 'administrator' ] );
		} finally {
			for ( const other of others ) await setRoles( other, [ 'administrator' ] );
			await first.context.close();
		}
		const third = await signsIn();
		expect( await third.roles(), 'with another administrator, Logto\'s roles apply' ).toEqual( [ 'subscriber' ] );
		await third.context.close();
		await updateSettings( { manage_admins: false } );
	} );

	test( 'with the password form off, Logto-linked users get no application passwords; other users keep them', async () => {
		const edId = ( await findUserByPhone( ed ) )!.id;
		const localId = ( await findUsers( 'apps-local' ) )[ 0 ]?.id ?? ( await createUser( { username: 'apps-local', email: 'apps-local@example.test', name: 'Apps Local', roles: [ 'author' ] } ) );
		await updateSettings( { allow_password: true } );
		expect( await createApplicationPassword( edId ), 'password form on: offered' ).toBe( 'created' );
		await updateSettings( { allow_password: false } );
		expect( await createApplicationPassword( edId ), 'a password way around Logto' ).toBe( 'application_passwords_disabled_for_user' );
		expect( await createApplicationPassword( localId ) ).toBe( 'created' );
	} );

	test( 'an account an admin deleted stays gone: with creating users off the next Logto sign-in is refused and leaves nothing behind; with it on, a new account starts from scratch', async ( { browser } ) => {
		// A number of its own: Logto (and the idp) send at most 5 codes per number per hour.
		const phone = '+12015550190';
		const signIn = async ( context: BrowserContext ) => {
			const page = await context.newPage();
			await startPhoneSignIn( page, phone );
			await completePhoneVerification( page, phone, Date.now() - 1000 );
			// Only the first time: "No account found ...; create a new one?"
			const ask = page.getByText( /No account found/ );
			await expect( ask.or( page.locator( 'body.wp-admin, body.login' ) ) ).toBeVisible();
			if ( await ask.isVisible() ) await page.getByRole( 'button', { name: 'Continue' } ).click();
			await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-(admin|login)` ) );
			return page;
		};
		await updateSettings( { create_users: true, role_mapping: [ { logto_role: 'editor', wp_role: 'editor' } ] } );
		const first = await browser.newContext();
		await expect( await signIn( first ) ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const deleted = ( await findUserByPhone( phone ) )!;
		const rest = await adminRest();
		const res = await rest.delete( `/wp-json/wp/v2/users/${ deleted.id }?force=true&reassign=1`, { headers: { 'X-WP-Nonce': rest.nonce } } );
		await rest.dispose();
		expect( res.ok() ).toBe( true );
		const signedOut = await first.newPage();
		await signedOut.goto( '/wp-admin/' );
		await expect( signedOut, 'deleting the account ended its sessions' ).toHaveURL( /wp-login\.php/ );
		await first.close();

		await updateSettings( { create_users: false } );
		const context = await browser.newContext();
		const page = await signIn( context );
		await expect( page ).toHaveURL( /logto_error=no_account/ );
		expect( await findUserByPhone( phone ), 'nobody re-created' ).toBeUndefined();
		// No WordPress session, and nothing of the sign-in left in the browser (binding, pending sign-in).
		const left = ( await context.cookies() ).map( ( c ) => c.name ).filter( ( name ) => /^(wordpress_logged_in|logto_bridge|__Host-logto_bridge)/.test( name ) );
		expect( left ).toEqual( [] );
		await page.goto( '/wp-admin/' );
		await expect( page ).toHaveURL( /wp-login\.php/ );
		await context.close();

		await updateSettings( { create_users: true } );
		const again = await browser.newContext();
		await expect( await signIn( again ) ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await again.close();
		const fresh = ( await findUserByPhone( phone ) )!;
		expect( fresh.id, 'a new account, not the deleted one' ).not.toBe( deleted.id );
		expect( fresh.roles, 'nothing of the old account carried over' ).toEqual( [ 'subscriber' ] );
	} );
} );
