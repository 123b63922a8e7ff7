import { Browser } from '@logto-bridge/testkit/browser';

import { expect, test } from '../../support/test';
import { withSettings, wpUrl } from '../../support/wordpress';

/** The attacker: starts a sign-in on the site, completes it at the idp with their own account, and keeps the ticket link. */
async function attackersTicketLink( attacker: Browser ) {
	const isCallback = ( u: string ) => u.includes( 'action=logto-callback' );
	const start = await attacker.follow( `${ wpUrl() }/wp-login.php?action=logto-sign-in`, isCallback );
	const action = /<form[^>]*action="([^"]*\/password)"/.exec( start.html )![ 1 ]!;
	const done = await attacker.follow( new URL( action, start.url ).href, isCallback, { form: { username: 'ed', password: 'editor-password-123' } } );
	// Sealed (the payload itself, for a plugin with sodium) or stored at the bridge (43 characters).
	expect( done.url ).toMatch( /ticket=(s1\.[\w-]{40,}|[\w-]{43})(&|$)/ );
	return done.url;
}

test.describe( 'login CSRF', () => {
	withSettings( { login_mode: 'buttons', allow_password: true, create_users: true } );

	test( "a ticket link opened in another browser signs nobody in, and the ticket is spent", async ( { page } ) => {
		const attacker = new Browser();
		const link = await attackersTicketLink( attacker );

		// The victim opens the link the attacker sent.
		await page.goto( link );
		await expect( page ).toHaveURL( /logto_error=browser_mismatch/ );
		await expect( page.getByRole( 'alert' ) ).toContainText( 'This sign-in was not started in this browser' );
		await page.goto( '/wp-admin/' );
		await expect( page, 'the victim is not signed in as the attacker' ).toHaveURL( /wp-login\.php/ );

		// Not even the attacker's own browser can use it now.
		const own = await attacker.follow( link, ( u ) => u.includes( 'logto_error' ) || u.includes( '/wp-admin/' ) );
		expect( own.url ).toContain( 'logto_error=ticket_gone' );
	} );

	test( 'the browser that started the sign-in is signed in', async () => {
		const visitor = new Browser();
		const link = await attackersTicketLink( visitor );
		const landed = await visitor.follow( link, ( u ) => u.includes( 'logto_error' ) || u.includes( '/wp-admin/' ) );
		expect( landed.url ).toBe( `${ wpUrl() }/wp-admin/` );
	} );
} );
