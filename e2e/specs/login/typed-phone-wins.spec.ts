import { completePhoneVerification, newPhone, signUpWithPhone, startPhoneSignIn } from '../../support/logto';
import { expect, test } from '../../support/test';
import { findUserByPhone, idpUrl, withSettings, wpUrl } from '../../support/wordpress';

test.describe.configure( { mode: 'serial' } );

test.describe( 'the number a visitor types is the account they get', () => {
	withSettings( { login_mode: 'phone', allow_password: true, create_users: true, default_role: 'subscriber' } );

	test( 'on a shared computer, a live Logto session of someone else does not answer for the typed number', async ( { page, context } ) => {
		const first = newPhone();
		const second = newPhone();
		await startPhoneSignIn( page, first );
		await completePhoneVerification( page, first, Date.now() );
		await page.getByRole( 'button', { name: 'Continue' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );

		// Signed out of WordPress only: Logto's session is still alive in this browser.
		await context.clearCookies( { name: /^wordpress_/ } );
		await startPhoneSignIn( page, second );
		// Logto asks again, for the typed number, instead of answering with the first account.
		await completePhoneVerification( page, second, Date.now() );
		await page.getByRole( 'button', { name: 'Continue' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const user = await findUserByPhone( second );
		expect( user, 'signed in as the typed number' ).toBeTruthy();
		expect( ( await findUserByPhone( first ) )?.id ).not.toBe( user!.id );
		await expect( page.locator( '#wpadminbar' ) ).toContainText( user!.name );
	} );

	test( 'a different number verified at Logto is refused, says which one, and offers another try', async ( { page } ) => {
		const typed = newPhone();
		const verified = newPhone();
		await startPhoneSignIn( page, typed );
		await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
		await page.getByRole( 'button', { name: 'Send code' } ).click();
		await page.getByRole( 'link', { name: 'Use another phone number' } ).click();
		await signUpWithPhone( page, verified );

		await expect( page ).toHaveURL( /logto_error=phone_mismatch/ );
		expect( page.url(), 'no phone number in the URL' ).not.toContain( '8613912340014' );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'is not the number you typed' );
		await expect( page.getByRole( 'alert' ) ).toContainText( `You verified ${ verified }.` );
		expect( await findUserByPhone( verified ), 'nobody was signed in or created' ).toBeUndefined();

		await page.getByRole( 'link', { name: 'Use another number' } ).click();
		await expect( page, 'a fresh sign-in: Logto asks again' ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
		await expect( page.getByLabel( 'Phone number' ) ).toBeVisible();
	} );
} );
