import type { Page } from '@playwright/test';

import { flipSignature } from '@logto-bridge/testkit/app-token';

import { completePhoneVerification, startPhoneSignIn } from '../../support/logto';
import { expect, test } from '../../support/test';
import { adminRest, findUserByPhone, idpUrl, withSettings, wpUrl } from '../../support/wordpress';

// The mobile app's web build (mobile/, @logto/browser on the web) in Chromium against the whole
// local stack: the app signs in through the idp's pages, the site verifies its Logto access
// token through the bridge, and WordPress answers as the user.
const appUrl = () => process.env.E2E_APP_URL as string;

test.describe.configure( { mode: 'serial' } );

/** In the app: types the number, verifies the SMS code at Logto (creating the account if new), and is back in the app. */
async function appSignIn( page: Page, phone: string, { isNew }: { isNew: boolean } ) {
	await page.goto( appUrl() );
	await page.getByLabel( 'Phone number' ).fill( phone );
	const since = Date.now();
	await page.getByRole( 'button', { name: 'Send me a code' } ).click();
	// Logto's phone-first screen, the number filled in: the same entry as wp-login.php's.
	await completePhoneVerification( page, phone, since );
	if ( isNew ) await page.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( page ).toHaveURL( `${ appUrl() }/` );
	await expect( page.getByText( 'Signed in as' ) ).toBeVisible();
}

/** The id WordPress gives the signed-in user of this page, asked with its own cookie and REST nonce. */
async function siteUserId( page: Page ): Promise< number > {
	const nonce = await ( await page.request.get( '/wp-admin/admin-ajax.php?action=rest-nonce' ) ).text();
	return ( ( await ( await page.request.get( '/wp-json/wp/v2/users/me', { headers: { 'X-WP-Nonce': nonce } } ) ).json() ) as { id: number } ).id;
}

/** The tokens the app holds (@logto/browser keeps them in localStorage): the site's JWT and Logto's opaque userinfo token. */
async function appTokens( page: Page ): Promise< { access: string; userinfo: string } > {
	const stored = await page.evaluate( () => Object.entries( localStorage ).find( ( [ key ] ) => key.endsWith( ':accessToken' ) )?.[ 1 ] ?? '{}' );
	const tokens = Object.entries( JSON.parse( stored ) as Record< string, { token: string } > );
	const access = tokens.find( ( [ key ] ) => key.endsWith( `@${ wpUrl() }/wp-json` ) )?.[ 1 ].token;
	const userinfo = tokens.find( ( [ key ] ) => ! key.includes( '/wp-json' ) )?.[ 1 ].token;
	if ( ! access || ! userinfo ) throw new Error( `the app holds no tokens for the site and for userinfo: ${ tokens.map( ( [ key ] ) => key ).join( ', ' ) }` );
	return { access, userinfo };
}

test.describe( 'the mobile app (web build)', () => {
	withSettings( { login_mode: 'phone', create_users: true, default_role: 'subscriber' } );

	test( 'a new phone signs in in the app and is the WordPress user wp-login.php gives that phone; its comment appears on the site under that user; sign-out ends it', async ( { page, browser } ) => {
		const phone = '+12015550181';
		await appSignIn( page, phone, { isNew: true } );
		const user = await findUserByPhone( phone );
		expect( user, "the app's own sign-in made the account, as a sign-in on the site does" ).toBeTruthy();
		expect( user!.roles ).toEqual( [ 'subscriber' ] );
		await expect( page.getByTestId( 'user-id' ) ).toHaveText( `User #${ user!.id }` );
		await expect( page.getByTestId( 'user-name' ) ).toHaveText( user!.name );

		// The same phone on wp-login.php is the same WordPress user.
		const site = await browser.newPage( { baseURL: wpUrl() } );
		const since = Date.now();
		await startPhoneSignIn( site, phone );
		await completePhoneVerification( site, phone, since );
		await expect( site ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		expect( await siteUserId( site ) ).toBe( user!.id );

		// A comment from the app, as that user, on the site's first post.
		const post = page.getByRole( 'listitem' ).first();
		const title = await post.getByRole( 'heading' ).innerText();
		await post.getByRole( 'textbox', { name: `Comment on ${ title }` } ).fill( 'Written in the app' );
		await post.getByRole( 'button', { name: 'Post comment' } ).click();
		await expect( post.getByRole( 'status' ) ).toContainText( 'Comment posted' );
		const rest = await adminRest();
		const comments = ( await ( await rest.get( `/wp-json/wp/v2/comments?author=${ user!.id }&status=all&context=edit`, { headers: { 'X-WP-Nonce': rest.nonce } } ) ).json() ) as Array< { post: number; link: string; content: { raw: string } } >;
		await rest.dispose();
		expect( comments.map( ( c ) => c.content.raw ) ).toEqual( [ 'Written in the app' ] );
		// On the post's page, the user signed in on the site sees it under their name.
		await site.goto( comments[ 0 ]!.link );
		const shown = site.locator( '.comment' ).filter( { hasText: 'Written in the app' } );
		await expect( shown ).toBeVisible();
		await expect( shown ).toContainText( user!.name );
		await site.close();

		// The app's token is the site's key: a flipped signature is refused outright.
		const { access, userinfo } = await appTokens( page );
		const flipped = flipSignature( access );
		const me = ( bearer: string ) => page.request.get( `${ wpUrl() }/wp-json/wp/v2/users/me`, { headers: { authorization: `Bearer ${ bearer }` } } );
		expect( ( await me( access ) ).status() ).toBe( 200 );
		expect( ( await me( flipped ) ).status() ).toBe( 401 );
		// The app's own grant narrowed to wp:read (a refresh asking fewer scopes): it reads, it may not write.
		const refreshToken = await page.evaluate( () => Object.entries( localStorage ).find( ( [ key ] ) => key.endsWith( ':refreshToken' ) )?.[ 1 ] ?? '' );
		const narrowed = await page.request.post( `${ idpUrl() }/oidc/token`, {
			form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: process.env.E2E_NATIVE_APP_ID as string, resource: `${ wpUrl() }/wp-json`, scope: 'wp:read' },
		} );
		const readOnly = ( ( await narrowed.json() ) as { access_token: string } ).access_token;
		expect( ( await me( readOnly ) ).status() ).toBe( 200 );
		const refused = await page.request.post( `${ wpUrl() }/wp-json/wp/v2/comments`, { headers: { authorization: `Bearer ${ readOnly }` }, data: { post: 1, content: 'Not with wp:read' } } );
		expect( refused.status() ).toBe( 403 );
		expect( refused.headers()[ 'www-authenticate' ] ).toBe( 'Bearer error="insufficient_scope"' );
		// The app's sign-in route: only for the number that was verified, only with good tokens.
		const join = ( data: Record< string, string > ) => page.request.post( `${ wpUrl() }/wp-json/logto-bridge/v1/app/sign-in`, { data } );
		expect( ( await ( await join( { access_token: access, userinfo_token: userinfo, phone } ) ).json() ).id ).toBe( user!.id );
		const otherNumber = await join( { access_token: access, userinfo_token: userinfo, phone: '+12015550189' } );
		expect( otherNumber.status() ).toBe( 409 );
		expect( ( await otherNumber.json() ).code ).toBe( 'logto_bridge_phone_mismatch' );
		expect( ( await join( { access_token: flipped, userinfo_token: userinfo } ) ).status() ).toBe( 401 );
		expect( ( await join( { access_token: access, userinfo_token: 'not-a-logto-token' } ) ).status() ).toBe( 401 );

		// Sign-out goes through Logto and back to the app, signed out, with the tokens gone.
		await page.getByRole( 'button', { name: 'Sign out' } ).click();
		await expect( page ).toHaveURL( `${ appUrl() }/` );
		await expect( page.getByRole( 'heading', { name: 'Sign in' } ) ).toBeVisible();
		expect( await page.evaluate( () => Object.values( localStorage ).join( ' ' ) ) ).not.toMatch( /eyJ/ );
	} );

	test( 'members-only (private) posts show in the app to users who may read them, and only to them', async ( { page } ) => {
		const rest = await adminRest();
		const created = await rest.post( '/wp-json/wp/v2/posts', { headers: { 'X-WP-Nonce': rest.nonce }, data: { title: 'For members: the meeting notes', status: 'private', content: 'Notes' } } );
		expect( created.status() ).toBe( 201 );
		const phone = '+12015550182';
		await appSignIn( page, phone, { isNew: true } );
		await expect( page.getByRole( 'heading', { name: 'Latest posts' } ) ).toBeVisible();
		await expect( page.getByText( 'the meeting notes' ) ).toHaveCount( 0 );

		const user = await findUserByPhone( phone );
		await rest.post( `/wp-json/wp/v2/users/${ user!.id }`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { roles: [ 'editor' ] } } );
		await rest.dispose();
		await page.reload();
		// WordPress 6.5's REST API prefixes a private post's rendered title with "Private: "; 7.1's does not.
		const item = page.getByRole( 'listitem', { name: /^(Private: )?For members: the meeting notes$/ } );
		await expect( item ).toBeVisible();
		await expect( item.getByText( 'Members only' ) ).toBeVisible();
	} );

	test( 'a number without its country code is refused in the app with a message, before anything goes to Logto', async ( { page } ) => {
		await page.goto( appUrl() );
		await page.getByLabel( 'Phone number' ).fill( '2015550183' );
		await page.getByRole( 'button', { name: 'Send me a code' } ).click();
		await expect( page.getByRole( 'alert' ) ).toHaveText( 'Enter a valid phone number with its country code, for example +1 201 555 0123.' );
		await expect( page ).toHaveURL( `${ appUrl() }/` );
	} );

	test( 'on a Chinese device the app and Logto’s pages speak Simplified Chinese', async ( { browser } ) => {
		const context = await browser.newContext( { locale: 'zh-CN' } );
		const page = await context.newPage();
		await page.goto( appUrl() );
		await expect( page.getByRole( 'heading', { name: '登录' } ) ).toBeVisible();
		await page.getByLabel( '手机号码' ).fill( '+86 138 0013 8123' );
		await page.getByRole( 'button', { name: '发送验证码' } ).click();
		await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
		await expect( page.getByLabel( '手机号码' ) ).toHaveValue( '+8613800138123' );
		await context.close();
	} );
} );

