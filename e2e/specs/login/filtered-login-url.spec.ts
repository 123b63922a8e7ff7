import { newPhone, signUpWithPhone } from '../../support/logto';
import { expect, test } from '../../support/test';
import { adminRest, bridgeUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

// A login-hiding plugin moves wp-login.php to /members-login/ (test mu-plugin).
const slug = 'members-login';

async function setLoginSlug( value: string ) {
	const rest = await adminRest();
	const res = await rest.post( '/wp-json/logto-bridge-test/v1/login-slug', { data: { slug: value }, headers: { 'X-WP-Nonce': rest.nonce } } );
	expect( res.ok() ).toBeTruthy();
	await rest.dispose();
	// The bridge caches the site's settings briefly (each instance serves its copy once more while it
	// fetches a new one): wait until 4 answers in a row, so every instance behind nginx's round
	// robin, send errors to the new login URL.
	const errorPath = value ? `/${ value }/` : '/wp-login.php';
	let inARow = 0;
	await expect
		.poll(
			async () => {
				const r = await fetch( `${ bridgeUrl() }/sign-in?return_to=${ encodeURIComponent( 'https://elsewhere.example/' ) }`, { redirect: 'manual' } );
				inARow = new URL( r.headers.get( 'location' ) ?? '', wpUrl() ).pathname === errorPath ? inARow + 1 : 0;
				return inARow;
			},
			{ timeout: 60_000, intervals: [ 500 ] }
		)
		.toBeGreaterThanOrEqual( 4 );
}

test.describe( 'a site whose login URL is filtered', () => {
	restoreSettingsAfterAll();

	test.beforeAll( async () => {
		test.setTimeout( 90_000 );
		await updateSettings( { login_mode: 'buttons', allow_password: true, create_users: true } );
		await setLoginSlug( slug );
	} );
	test.afterAll( async () => {
		test.setTimeout( 90_000 );
		await setLoginSlug( '' );
	} );

	test( 'the ticket comes back to the filtered login URL and signs the visitor in', async ( { page } ) => {
		await page.goto( `/${ slug }/` );
		await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
		const callback = page.waitForRequest( ( r ) => r.url().includes( 'action=logto-callback' ) );
		await signUpWithPhone( page, newPhone() );
		expect( new URL( ( await callback ).url() ).pathname ).toBe( `/${ slug }/` );
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		await expect( page.locator( '#wpadminbar' ) ).toBeVisible();
	} );

	test( 'a failure comes back to the filtered login URL with its message', async ( { page } ) => {
		await page.goto( `/${ slug }/` );
		await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
		await page.getByRole( 'link', { name: /cancel|back/i } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/${ slug }/\\?logto_error=cancelled` ) );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Sign-in with Logto was cancelled.' );
	} );
} );
