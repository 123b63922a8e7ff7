import type { Page } from '@playwright/test';

import { completePhoneVerification, startPhoneSignIn } from '../../support/logto';
import { expect, PHP_MATRIX, test } from '../../support/test';
import { lastMailTo, linkIn } from '../../support/mailbox';
import { adminRest, createUser, findUserByPhone, findUsers, idpUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

// idp/fixtures/users.json: linda (+12015550126, linda@example.com verified, "Linda Logto") and
// mallory (+12015550127, boss@example.com verified, Logto role editor), who claims an administrator's email;
// paula (+12015550128, paula@example.com).
test.describe.configure( { mode: 'serial' } );

test.describe( 'linking Logto accounts to existing WordPress users', () => {
	restoreSettingsAfterAll();

	let lindaId: number;
	let bossId: number;
	let paulaId: number;
	const paula = '+12015550128';

	/** Paula signs in with Logto in a fresh browser; returns its page, wherever WordPress sent it. */
	async function paulaSignsIn( page: Page, since = Date.now() - 1000 ) {
		await startPhoneSignIn( page, paula );
		await completePhoneVerification( page, paula, since );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-login\\.php` ) );
	}

	/** Paula signs in and WordPress mails her existing account a link; returns the link. */
	async function paulaIsMailedALink( page: Page ) {
		const since = Date.now() - 1000;
		await paulaSignsIn( page, since );
		await expect( page ).toHaveURL( /logto_error=link_email_sent/ );
		const link = linkIn( await lastMailTo( 'paula@example.com', since ) );
		expect( link ).toBeTruthy();
		return link!;
	}

	/** The link, opened, is refused: nothing linked and nobody signed in. */
	async function linksNothing( page: Page, link: string ) {
		await page.goto( link );
		await expect( page ).toHaveURL( /logto_error=ticket_gone/ );
		expect( await findUserByPhone( paula ), 'nothing linked' ).toBeUndefined();
		await page.goto( '/wp-admin/' );
		await expect( page, 'nobody signed in' ).toHaveURL( /wp-login\.php/ );
	}

	/** Moves Paula's pending link request and link mails `seconds` into the past (logto-bridge-test-admin-routes.php). */
	async function timePasses( seconds: number ) {
		const rest = await adminRest();
		expect( ( await rest.post( '/wp-json/logto-bridge-test/v1/age-link-request', { headers: { 'X-WP-Nonce': rest.nonce }, data: { user: paulaId, seconds } } ) ).status() ).toBe( 200 );
		await rest.dispose();
	}

	test.beforeAll( async () => {
		lindaId = await createUser( { username: 'linda-wp', email: 'linda@example.com', name: 'Linda Before', roles: [ 'author' ] } );
		bossId = await createUser( { username: 'boss', email: 'boss@example.com', name: 'The Boss', roles: [ 'administrator' ] } );
		paulaId = await createUser( { username: 'paula-wp', email: 'paula@example.com', name: 'Paula Before', roles: [ 'author' ] } );
		await updateSettings( {
			login_mode: 'phone',
			create_users: true,
			default_role: 'subscriber',
			link_by_email: true,
			allow_admin_linking: false,
			sync_profile: true,
			// No mapping: roles are WordPress's alone, so a linked account keeps its own.
			role_mapping: [],
		} );
	} );


	test( 'a matching email links only when the existing account’s owner clicks the mailed link; then it keeps its role and gets the Logto name', PHP_MATRIX, async ( { page } ) => {
		const since = Date.now() - 1000;
		await startPhoneSignIn( page, '+12015550126' );
		await completePhoneVerification( page, '+12015550126', since );
		// Logto's email_verified means "present": the match proves nothing until the mailbox owner confirms.
		await expect( page ).toHaveURL( /logto_error=link_email_sent/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Check your inbox to link your existing account' );
		expect( await findUserByPhone( '+12015550126' ), 'not linked yet' ).toBeUndefined();
		const link = linkIn( await lastMailTo( 'linda@example.com', since ) );
		expect( link, 'a one-time link to the existing account’s own address' ).toBeTruthy();

		// Someone who knows the user ID but not the token gets nowhere, and cancels nothing.
		await page.goto( link!.replace( /token=\w+/, `token=${ 'x'.repeat( 40 ) }` ) );
		await expect( page ).toHaveURL( /logto_error=ticket_gone/ );

		await page.goto( link! );
		await page.getByRole( 'button', { name: 'Link and sign in' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await expect( page.locator( '#wpadminbar' ) ).toContainText( 'Linda Logto' );

		const users = await findUsers( 'linda' );
		expect( users.map( ( u ) => u.id ), 'linked, not a second account' ).toEqual( [ lindaId ] );
		expect( users[ 0 ]!.roles ).toEqual( [ 'author' ] );
		expect( users[ 0 ]!.name ).toBe( 'Linda Logto' );
		expect( await findUsers( '12015550126' ) ).toEqual( [] );
		expect( ( await findUserByPhone( '+12015550126' ) )?.id, 'linked, with the phone' ).toBe( lindaId );

		// The link works once.
		const replay = await page.context().browser()!.newPage( { baseURL: wpUrl() } );
		await replay.goto( link! );
		await expect( replay ).toHaveURL( /logto_error=ticket_gone/ );
		await replay.close();
	} );

	test( 'an administrator is never linked unless the admin allows it, and the refusal creates nobody', async ( { page, browser } ) => {
		await startPhoneSignIn( page, '+12015550127' );
		await completePhoneVerification( page, '+12015550127', Date.now() - 1000 );
		await expect( page ).toHaveURL( /wp-login\.php\?logto_error=admin_link_refused/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'cannot be linked automatically' );
		expect( await findUsers( 'mallory' ) ).toEqual( [] );
		expect( await findUsers( '12015550127' ) ).toEqual( [] );
		const [ boss ] = await findUsers( 'boss' );
		expect( boss?.name, 'the administrator is untouched' ).toBe( 'The Boss' );

		await updateSettings( { allow_admin_linking: true, role_mapping: [ { logto_role: 'editor', wp_role: 'editor' } ] } );
		const again = await browser.newPage( { baseURL: wpUrl() } );
		const since = Date.now() - 1000;
		await startPhoneSignIn( again, '+12015550127' );
		await completePhoneVerification( again, '+12015550127', since );
		// Allowed, and still only through the administrator's own mailbox.
		await expect( again ).toHaveURL( /logto_error=link_email_sent/ );
		await again.goto( linkIn( await lastMailTo( 'boss@example.com', since ) )! );
		await again.getByRole( 'button', { name: 'Link and sign in' } ).click();
		await expect( again ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await again.close();
		const linked = await findUsers( 'boss' );
		expect( linked.map( ( u ) => u.id ) ).toEqual( [ bossId ] );
		expect( linked[ 0 ]!.roles, 'still an administrator, never demoted to the mapped editor' ).toEqual( [ 'administrator' ] );

		// Only when the admin says Logto also manages administrators (and another administrator remains).
		await updateSettings( { manage_admins: true } );
		const third = await browser.newPage( { baseURL: wpUrl() } );
		await startPhoneSignIn( third, '+12015550127' );
		await completePhoneVerification( third, '+12015550127', Date.now() - 1000 );
		await expect( third ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await third.close();
		expect( ( await findUsers( 'boss' ) )[ 0 ]!.roles ).toEqual( [ 'editor' ] );
		const rest = await adminRest();
		await rest.post( `/wp-json/wp/v2/users/${ bossId }`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { roles: [ 'administrator' ] } } );
		await rest.dispose();
	} );

	test( 'signing out at Logto cancels the link that Logto session asked for: its mailed link then links nothing', async ( { page } ) => {
		const link = await paulaIsMailedALink( page );
		// Logto ends the session (another app, the account page, a shared computer's sign-out): back-channel logout.
		await page.goto( `${ idpUrl() }/oidc/session/end` );
		await expect( page.getByText( 'You have been signed out.' ) ).toBeVisible();
		await linksNothing( page, link );
	} );

	test( 'a mailed link links nothing once its 30 minutes are over', async ( { page } ) => {
		const link = await paulaIsMailedALink( page );
		await timePasses( 31 * 60 );
		await linksNothing( page, link );
	} );

	test( 'where the admin allows it, the visitor may instead type the existing account’s password: one attempt per sign-in, and never while the password form is off', PHP_MATRIX, async ( { page, browser } ) => {
		// No mapping: roles are WordPress's alone, so the linked account keeps its own.
		await updateSettings( { link_confirm_password: true, allow_password: true, role_mapping: [] } );
		const password = page.getByLabel( 'Password of the existing account' );

		await paulaSignsIn( page );
		await expect( page ).toHaveURL( /action=logto-link-password/ );
		await expect( page.getByText( 'We emailed it a link' ) ).toBeVisible();
		await password.fill( 'not-her-password' );
		await page.getByRole( 'button', { name: 'Link and sign in' } ).click();
		await expect( page ).toHaveURL( /logto_error=link_password_wrong/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'nothing was linked' );
		// The offer is spent: a second guess needs a whole new sign-in at Logto.
		await page.goto( '/wp-login.php?action=logto-link-password' );
		await expect( page ).toHaveURL( /logto_error=ticket_gone/ );
		expect( await findUserByPhone( paula ) ).toBeUndefined();

		// With the password form off, a WordPress password proves nothing here: only the mail is
		// offered. Paula was mailed three links so far: an hour passes (at most three an hour).
		await timePasses( 3601 );
		await updateSettings( { allow_password: false } );
		await paulaSignsIn( page );
		await expect( page ).toHaveURL( /logto_error=link_email_sent/ );
		await page.goto( '/wp-login.php?action=logto-link-password' );
		await expect( page ).toHaveURL( /logto_error=ticket_gone/ );

		await updateSettings( { allow_password: true } );
		await paulaSignsIn( page );
		// The offer is this browser's: another one that knows Paula's user ID but not the offer's
		// key (the cookie's second half) is refused, and the real offer is left as it was.
		const forger = await browser.newContext();
		await forger.addCookies( [ { name: 'logto_bridge_link', value: `${ paulaId }.${ 'x'.repeat( 40 ) }`, url: wpUrl() } ] );
		const forged = await forger.newPage();
		await forged.goto( '/wp-login.php?action=logto-link-password' );
		await expect( forged ).toHaveURL( /logto_error=ticket_gone/ );
		await forger.close();
		await password.fill( 'paula-wp-Wp-Password-1' );
		await page.getByRole( 'button', { name: 'Link and sign in' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await expect( page.locator( '#wpadminbar' ) ).toContainText( 'Paula Logto' );
		const linked = await findUserByPhone( paula );
		expect( linked?.id, 'the existing account, linked' ).toBe( paulaId );
		expect( linked?.roles ).toEqual( [ 'author' ] );
	} );
} );
