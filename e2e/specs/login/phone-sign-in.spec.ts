import { completePhoneVerification, startPhoneSignIn } from '../../support/logto';
import { expect, test } from '../../support/test';
import { findUsers, idpUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

test.describe.configure( { mode: 'serial' } );

test.describe( 'wp-login.php in phone mode', () => {
	restoreSettingsAfterAll();

	test.beforeAll( async () => {
		await updateSettings( { login_mode: 'phone', allow_password: true, create_users: true, default_role: 'subscriber' } );
	} );

	test( 'a new phone number signs in as a new subscriber with no email, signs out of both, and comes back as the same user', async ( { page } ) => {
		const phone = '+8613800138000';
		let since = Date.now();
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, since );
		await expect( page.getByText( 'No account found for +86 138 0013 8000; create a new one?' ) ).toBeVisible();
		await page.getByRole( 'button', { name: 'Continue' } ).click();

		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await expect( page.locator( '#wpadminbar' ) ).toContainText( '8613800138000' );
		const [ user ] = await findUsers( '8613800138000' );
		expect( user, 'one WordPress user was created' ).toBeTruthy();
		expect( user!.username ).toBe( '8613800138000' );
		expect( user!.email ).toBe( '' );
		expect( user!.roles ).toEqual( [ 'subscriber' ] );

		// Sign out: WordPress, then Logto's end-session through the bridge, then back to the site.
		await page.goto( '/wp-admin/' );
		await page.locator( '#wp-admin-bar-my-account' ).hover();
		await page.getByRole( 'menuitem', { name: 'Log Out' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/` ) );
		await page.goto( '/wp-admin/' );
		await expect( page ).toHaveURL( /wp-login\.php/ );

		// The idp session ended too: signing in again asks for the code again.
		since = Date.now();
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, since );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const again = await findUsers( '8613800138000' );
		expect( again.map( ( u ) => u.id ) ).toEqual( [ user!.id ] );
	} );

	test( 'the phone field has the focus, so a visitor who starts typing types their number there', async ( { page } ) => {
		await page.goto( '/wp-login.php' );
		// WordPress moves the focus to the username field 200 ms after load unless told not to.
		await page.waitForTimeout( 600 );
		await expect( page.getByLabel( 'Phone number' ) ).toBeFocused();
		await page.keyboard.type( '+12015550199' );
		await expect( page.getByLabel( 'Phone number' ) ).toHaveValue( '+12015550199' );
		await expect( page.getByLabel( 'Username or Email Address' ) ).toHaveValue( '' );
	} );

	test( 'an invalid phone number gets a clear message on wp-login.php', async ( { page } ) => {
		await startPhoneSignIn( page, '+86 12' );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Enter a valid phone number with its country code' );
	} );

	test( 'a visitor who cancels at the identity provider sees the cancel message', async ( { page } ) => {
		await startPhoneSignIn( page, '+8613912340000' );
		await page.getByRole( 'link', { name: 'Cancel and go back to the app' } ).click();
		await expect( page ).toHaveURL( /wp-login\.php\?logto_error=cancelled/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Sign-in with Logto was cancelled.' );
	} );

	test( 'an idp user with role editor becomes a WordPress editor; an unmapped role changes nothing', async ( { page, browser } ) => {
		await startPhoneSignIn( page, '+12015550123' );
		await completePhoneVerification( page, '+12015550123', Date.now() - 1000 );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const [ editor ] = await findUsers( 'ed' );
		expect( editor?.roles ).toEqual( [ 'editor' ] );

		const other = await browser.newPage();
		await startPhoneSignIn( other, '+12015550124' );
		await completePhoneVerification( other, '+12015550124', Date.now() - 1000 );
		await expect( other ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const [ plain ] = await findUsers( 'pat' );
		expect( plain?.roles ).toEqual( [ 'subscriber' ] );
		await other.close();
	} );

	test( 'signing out at the identity provider ends the visitor’s WordPress session (back-channel logout), and only that one', async ( { page, browser } ) => {
		const phone = '+8613912340001';
		await startPhoneSignIn( page, phone );
		await completePhoneVerification( page, phone, Date.now() - 1000 );
		await page.getByRole( 'button', { name: 'Continue' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );

		// The same person on another device: another Logto session, another WordPress session.
		const otherDevice = await browser.newContext();
		const other = await otherDevice.newPage();
		await startPhoneSignIn( other, phone );
		await completePhoneVerification( other, phone, Date.now() - 1000 );
		await expect( other ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );

		// The visitor signs out at Logto directly (another app, the account page...).
		await page.goto( `${ idpUrl() }/oidc/session/end` );
		await expect( page.getByText( 'You have been signed out.' ) ).toBeVisible();
		await expect( async () => {
			await page.goto( `${ wpUrl() }/wp-admin/` );
			await expect( page ).toHaveURL( /wp-login\.php/ );
		} ).toPass( { timeout: 10_000 } );
		await other.goto( `${ wpUrl() }/wp-admin/` );
		await expect( other, 'the other device stays signed in' ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await otherDevice.close();
	} );
} );
