import { newPhone, signUpWithPhone } from '../../support/logto';
import { expect, PHP_MATRIX, test } from '../../support/test';
import { findUserByPhone, withSettings, wpUrl } from '../../support/wordpress';

test.describe.configure( { mode: 'serial' } );

test.describe( 'Logto in the Users screens', () => {
	withSettings( { login_mode: 'phone', create_users: true, default_role: 'subscriber' } );
	const phone = newPhone();

	test( 'the Users list shows who is linked, with the phone, filters linked and not linked, and offers no password reset to a phone-only user', PHP_MATRIX, async ( { browser, adminPage } ) => {
		const visitor = await browser.newContext( { baseURL: wpUrl() } );
		const page = await visitor.newPage();
		await page.goto( '/wp-login.php' );
		// Phone mode's other way in: Logto's own screen, where the visitor signs up.
		await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
		await signUpWithPhone( page, phone );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		// The user sees their own Logto section, but only those who may edit users can unlink.
		await page.goto( '/wp-admin/profile.php' );
		await expect( page.locator( 'tr', { hasText: 'Phone number' } ) ).toContainText( phone );
		await expect( page.getByRole( 'button', { name: 'Unlink from Logto' } ) ).toHaveCount( 0 );
		await visitor.close();
		const user = ( await findUserByPhone( phone ) )!;

		await adminPage.goto( '/wp-admin/users.php?logto=linked' );
		const row = adminPage.locator( `#user-${ user.id }` );
		await expect( row.locator( 'td.column-logto' ) ).toContainText( 'Linked' );
		await expect( row.locator( 'td.column-logto' ) ).toContainText( phone );
		await expect( adminPage.locator( '#user-1' ), 'the site admin is not linked' ).toHaveCount( 0 );
		await row.hover();
		await expect( row.getByRole( 'link', { name: /Send password reset/ } ) ).toHaveCount( 0 );

		await adminPage.goto( '/wp-admin/users.php?logto=unlinked' );
		await expect( adminPage.locator( '#user-1 td.column-logto' ) ).toContainText( 'Not linked' );
		await expect( adminPage.locator( `#user-${ user.id }` ) ).toHaveCount( 0 );
	} );

	test( 'the profile shows the Logto ID, phone and last sign-in, and an administrator can unlink', PHP_MATRIX, async ( { adminPage } ) => {
		const user = ( await findUserByPhone( phone ) )!;
		await adminPage.goto( `/wp-admin/user-edit.php?user_id=${ user.id }` );
		await expect( adminPage.getByRole( 'heading', { name: 'Logto', exact: true } ) ).toBeVisible();
		await expect( adminPage.locator( 'tr', { hasText: 'Phone number' } ) ).toContainText( phone );
		await expect( adminPage.locator( 'tr', { hasText: 'Last Logto sign-in' } ) ).not.toContainText( '—' );
		await expect( adminPage.locator( '.user-generate-reset-link-wrap' ), 'no reset link: nowhere to send it' ).toHaveCount( 0 );
		// A forged or stale form (wrong nonce) unlinks nothing.
		await adminPage.locator( 'input[name="logto_bridge_unlink_nonce"]' ).evaluate( ( input: HTMLInputElement ) => ( input.value = 'forged0000' ) );
		await adminPage.getByRole( 'button', { name: 'Unlink from Logto' } ).click();
		await expect( adminPage.getByText( 'The link you followed has expired.' ) ).toBeVisible();
		expect( ( await findUserByPhone( phone ) )?.id, 'still linked' ).toBe( user.id );

		await adminPage.goto( `/wp-admin/user-edit.php?user_id=${ user.id }` );
		await adminPage.getByRole( 'button', { name: 'Unlink from Logto' } ).click();
		// The unlink is done even where the rest of the form is refused (a phone-only user has no email to save).
		await expect( adminPage.getByText( 'Not linked to Logto.' ) ).toBeVisible();
		expect( await findUserByPhone( phone ), 'the phone went with the link' ).toBeUndefined();
	} );
} );
