import { admin, expect, PHP_MATRIX, test } from '../../support/test';
import { idpUrl, restoreSettingsAfterAll, submitPasswordForm } from '../../support/wordpress';

test.describe( 'Logto > Settings', () => {
	restoreSettingsAfterAll();

	test( 'an administrator signs in with the password form and sees the settings app', async ( { page } ) => {
		await page.goto( '/wp-login.php' );
		await submitPasswordForm( page, admin.username, admin.password );
		await expect( page ).toHaveURL( /\/wp-admin\/?$/ );

		// WordPress folds a menu whose only submenu is itself, so Logto opens Logto > Settings.
		await page.getByRole( 'navigation', { name: 'Main menu' } ).getByRole( 'link', { name: 'Logto', exact: true } ).click();
		await expect( page ).toHaveURL( /admin\.php\?page=logto-bridge/ );
		await expect( page ).toHaveTitle( /^Logto settings/ );

		// The heading is rendered by the React bundle, not by PHP: it proves build, enqueue and mount.
		// The first admin screen of the run: Playground serves WordPress's component scripts cold.
		await expect( page.getByRole( 'heading', { level: 1, name: 'Logto settings' } ) ).toBeVisible( { timeout: 30_000 } );
		await expect( page.locator( '#logto-bridge-settings noscript' ) ).toHaveCount( 0 );
	} );

	test( 'the admin saves the connection; after reload the values are there, the secret is masked and the check is green', PHP_MATRIX, async ( { adminPage: page } ) => {
		await page.goto( '/wp-admin/admin.php?page=logto-bridge' );

		const secret = process.env.E2E_APP_SECRET as string;
		await page.getByLabel( 'Logto endpoint' ).fill( idpUrl() );
		await page.getByLabel( 'App ID' ).fill( process.env.E2E_APP_ID as string );
		await page.getByRole( 'button', { name: 'Replace secret' } ).click();
		await page.getByLabel( 'App secret' ).fill( secret );
		await page.getByLabel( 'Bridge URL' ).fill( process.env.E2E_BRIDGE_URL as string );
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		// The Notice is also announced in a screen-reader live region, hence first().
		await expect( page.getByText( 'Settings saved.' ).first() ).toBeVisible();

		await page.reload();
		await expect( page.getByLabel( 'Logto endpoint' ) ).toHaveValue( idpUrl() );
		await expect( page.getByLabel( 'App ID' ) ).toHaveValue( process.env.E2E_APP_ID as string );
		await expect( page.getByLabel( 'App secret' ) ).not.toHaveValue( secret );
		await expect( page.getByRole( 'button', { name: 'Replace secret' } ) ).toBeVisible();
		expect( await page.content(), 'the secret never reaches the browser' ).not.toContain( secret );
		await expect( page.getByLabel( 'Redirect URI', { exact: true } ) ).toHaveValue( `${ process.env.E2E_BRIDGE_URL }/callback` );

		await page.getByRole( 'button', { name: 'Check connection' } ).click();
		const results = page.getByRole( 'list', { name: 'Connection check results' } );
		for ( const item of [ 'Bridge reachable', 'Clocks in step', 'Bridge session store', 'Bridge reads these settings', 'Logto discovery', 'Logto signing keys (JWKS)', 'App ID and secret', 'Logto knows the redirect URI', 'Logto knows the post sign-out URI' ] ) {
			await expect( results.getByRole( 'listitem' ).filter( { hasText: item } ) ).toContainText( '✓' );
		}
	} );

	test( 'a wrong app secret shows red at once after saving, and the right one green again', async ( { adminPage: page } ) => {
		const results = page.getByRole( 'list', { name: 'Connection check results' } );
		const credentials = results.getByRole( 'listitem' ).filter( { hasText: 'App ID and secret' } );
		const saveSecret = async ( secret: string ) => {
			await page.goto( '/wp-admin/admin.php?page=logto-bridge' );
			await page.getByRole( 'button', { name: 'Replace secret' } ).click();
			await page.getByLabel( 'App secret' ).fill( secret );
			await page.getByRole( 'button', { name: 'Save settings' } ).click();
			await expect( page.getByText( 'Settings saved.' ).first() ).toBeVisible();
			await page.getByRole( 'button', { name: 'Check connection' } ).click();
		};
		// The bridge caches the settings for 30 s; saving tells it to read them again (signed POST).
		try {
			await saveSecret( 'not-the-app-secret-0123456789' );
			await expect( credentials ).toContainText( '✗' );
			await expect( credentials ).toContainText( 'App ID or secret is wrong' );
		} finally {
			// The secret is write-only, so restoreSettingsAfterAll() cannot put it back: this test must.
			await saveSecret( process.env.E2E_APP_SECRET as string );
		}
		await expect( credentials ).toContainText( '✓' );
	} );

	test( 'an invalid value is refused with a message and nothing is saved', PHP_MATRIX, async ( { adminPage: page } ) => {
		await page.goto( '/wp-admin/admin.php?page=logto-bridge' );
		await page.getByLabel( 'Logto endpoint' ).fill( 'not a url' );
		await page.getByLabel( 'Scopes' ).fill( 'profile email' );
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect( page.getByText( 'Some settings are invalid; nothing was saved.' ).first() ).toBeVisible();
		await expect( page.getByText( 'Logto endpoint must be a full http(s) URL.' ) ).toBeVisible();
		await expect( page.getByText( 'Scopes must include openid.' ) ).toBeVisible();
		await page.reload();
		await expect( page.getByLabel( 'Logto endpoint' ) ).toHaveValue( idpUrl() );
	} );
} );
