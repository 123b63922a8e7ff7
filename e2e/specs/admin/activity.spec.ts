import { randomBytes } from 'node:crypto';

import { sign } from '@logto-bridge/bridge/signature';

import { expect, test } from '../../support/test';
import { bridgeUrl, createUser, findUsers, passwordRest, withSettings, wpUrl } from '../../support/wordpress';

const editor = { username: 'activity-editor', email: 'activity-editor@example.test', name: 'Activity Editor', roles: [ 'editor' ] };
const route = '/logto-bridge/v1/activity';
const signed = ( body: string ) => ( { 'content-type': 'application/json', 'x-logto-bridge-signature': sign( process.env.E2E_BRIDGE_SECRET as string, { method: 'POST', path: route, body } ) } );

test.describe( 'Logto > Activity: why a sign-in failed', () => {
	// The editor signs in with a password.
	withSettings( { allow_password: true } );

	test( 'a refused sign-in appears with where and why, in words, and nothing of the visitor', async ( { adminPage: page, browser } ) => {
		const visitor = await browser.newContext();
		const tab = await visitor.newPage();
		// A ticket of its own: WordPress spends every ticket it is shown, and another spec's constant one would be spent already.
		const ticket = randomBytes( 32 ).toString( 'base64url' );
		// WordPress refuses a ticket it never saw; the bridge a callback it never started.
		await tab.goto( `${ wpUrl() }/wp-login.php?action=logto-callback&ticket=${ ticket }` );
		await expect( tab ).toHaveURL( /logto_error=ticket_gone/ );
		await tab.goto( `${ bridgeUrl() }/callback?code=some-code&state=some-state&iss=x` );
		await expect( tab ).toHaveURL( /logto_error=state_mismatch/ );
		await visitor.close();

		// As an administrator finds it: the Logto menu, then Activity.
		await page.goto( '/wp-admin/' );
		await page.locator( '#adminmenu' ).getByRole( 'link', { name: 'Logto', exact: true } ).click();
		await page.locator( '#adminmenu' ).getByRole( 'link', { name: 'Activity', exact: true } ).click();
		await expect( page.getByRole( 'heading', { name: 'Logto sign-in activity' } ) ).toBeVisible();
		const rows = page.getByRole( 'table' ).getByRole( 'row' );
		// The bridge reports its refusals in batches behind the visitors (every 2 s at most).
		await expect( async () => {
			await page.reload();
			await expect( rows.nth( 1 ) ).toContainText( 'Bridge, back from Logto' );
		} ).toPass( { timeout: 20_000 } );
		await expect( rows.nth( 1 ) ).toContainText( 'This sign-in link has expired or was already used.' );
		await expect( rows.nth( 1 ).getByRole( 'cell' ).nth( 3 ) ).toHaveText( 'state_mismatch' );
		await expect( rows.nth( 1 ).getByRole( 'cell' ).nth( 5 ) ).toHaveText( /^[0-9a-f]{12}$|^$/ );
		await expect( rows.nth( 2 ) ).toContainText( 'WordPress, signing the visitor in' );
		await expect( rows.nth( 2 ).getByRole( 'cell' ).nth( 3 ) ).toHaveText( 'ticket_gone' );
		const html = await page.content();
		for ( const secret of [ ticket, 'some-code', 'some-state' ] ) expect( html, 'no ticket, code or state on the screen' ).not.toContain( secret );
	} );

	test( 'an editor has no Activity screen', async () => {
		if ( ! ( await findUsers( editor.username ) ).length ) await createUser( editor );
		const ctx = await passwordRest( editor.username );
		const screen = await ctx.get( '/wp-admin/admin.php?page=logto-bridge-activity' );
		expect( screen.status() ).toBe( 403 );
		expect( await screen.text() ).not.toContain( 'state_mismatch' );
		expect( await ( await ctx.get( '/wp-admin/' ) ).text(), 'no Logto menu' ).not.toContain( 'page=logto-bridge-activity' );
		await ctx.dispose();
	} );

	test( 'only the bridge adds to it: an unsigned report, or a signed one outside the contract, is refused', async ( { request } ) => {
		const event = { at: Math.floor( Date.now() / 1000 ), step: 'callback', reason: 'cancelled', instance: 'forged', flow: '' };
		const body = JSON.stringify( { events: [ event ] } );
		expect( ( await request.post( `/?rest_route=${ route }`, { data: body, headers: { 'content-type': 'application/json' } } ) ).status(), 'unsigned' ).toBe( 401 );
		const outside = JSON.stringify( { events: [ { ...event, reason: '<script>alert(1)</script>' } ] } );
		expect( ( await request.post( `/?rest_route=${ route }`, { data: outside, headers: signed( outside ) } ) ).status(), 'outside the contract' ).toBe( 400 );
		const headers = signed( body );
		expect( ( await request.post( `/?rest_route=${ route }`, { data: body, headers } ) ).status(), "the bridge's own report" ).toBe( 200 );
		expect( ( await request.post( `/?rest_route=${ route }`, { data: body, headers } ) ).status(), 'the same report again' ).toBe( 401 );
	} );
} );
