import { admin, expect, test } from '../../support/test';
import { submitPasswordForm, withSettings } from '../../support/wordpress';

// The bridge is really stopped: its process group is paused (SIGSTOP), so it accepts nothing
// and answers nothing, and resumed (SIGCONT) afterwards.
function pauseBridge( signal: 'SIGSTOP' | 'SIGCONT' ) {
	for ( const pid of JSON.parse( process.env.E2E_BRIDGE_PIDS as string ) as number[] ) process.kill( -pid, signal );
}

test.describe( 'when the bridge is down', () => {
	withSettings( { login_mode: 'buttons', allow_password: false } );
	test.afterAll( async () => {
		pauseBridge( 'SIGCONT' );
	} );

	test( 'wp-login.php shows the unavailable message and an administrator still gets in through the break-glass', async ( { page } ) => {
		await page.goto( '/wp-login.php' );
		await expect( page.getByLabel( 'Username or Email Address' ), 'password sign-in is off' ).toBeHidden();
		pauseBridge( 'SIGSTOP' );
		await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
		await expect( page ).toHaveURL( /logto_error=bridge_unreachable/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Sign-in with Logto is unavailable right now.' );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'Administrators can use the emergency password sign-in.' );

		await page.goto( '/wp-login.php?logto_break_glass=1' );
		await submitPasswordForm( page, admin.username, admin.password );
		await expect( page ).toHaveURL( /\/wp-admin\/?$/ );
	} );

	test( 'without the break-glass, the password form refuses even a correct password', async ( { page } ) => {
		const res = await page.request.post( '/wp-login.php', {
			form: { log: admin.username, pwd: admin.password, 'wp-submit': 'Log In', testcookie: '1' },
			headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
			maxRedirects: 0,
		} );
		expect( res.status() ).toBe( 200 );
		expect( await res.text() ).toContain( 'Password sign-in is turned off on this site.' );
	} );
} );
