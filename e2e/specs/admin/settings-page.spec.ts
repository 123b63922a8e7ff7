import { admin, expect, test } from '../../support/test';

test.describe( 'Logto > Settings', () => {
	test( 'an administrator signs in with the password form and sees the settings app', async ( {
		page,
	} ) => {
		await page.goto( '/wp-login.php' );
		await page.getByLabel( 'Username or Email Address' ).fill( admin.username );
		await page.getByLabel( 'Password', { exact: true } ).fill( admin.password );
		await page.getByRole( 'button', { name: 'Log In' } ).click();
		await expect( page ).toHaveURL( /\/wp-admin\/?$/ );

		// WordPress folds a menu whose only submenu is itself, so Logto opens Logto > Settings.
		await page
			.getByRole( 'navigation', { name: 'Main menu' } )
			.getByRole( 'link', { name: 'Logto', exact: true } )
			.click();
		await expect( page ).toHaveURL( /admin\.php\?page=logto-bridge/ );
		await expect( page ).toHaveTitle( /^Logto settings/ );

		// The heading is rendered by the React bundle, not by PHP: it proves build, enqueue and mount.
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Logto settings' } )
		).toBeVisible();
		await expect( page.locator( '#logto-bridge-settings noscript' ) ).toHaveCount( 0 );
	} );
} );
