import { newPhone, signUpWithPhone } from '../../support/logto';
import { expect, PHP_MATRIX, test } from '../../support/test';
import { adminRest, submitPasswordForm, withSettings, wpUrl } from '../../support/wordpress';

const editorUser = { username: 'block-editor', password: 'block-editor-password-1' };

test.describe( 'the Logto sign-in block', () => {
	withSettings( { login_mode: 'buttons', allow_password: true } );

	test.beforeAll( async () => {
		const rest = await adminRest();
		const res = await rest.post( '/wp-json/wp/v2/users', {
			headers: { 'X-WP-Nonce': rest.nonce },
			data: { ...editorUser, email: 'block-editor@example.test', roles: [ 'editor' ] },
		} );
		expect( [ 201, 500 ] ).toContain( res.status() );
		await rest.dispose();
	} );

	test( 'an editor inserts the block and publishes; a logged-out visitor clicks it and signs in', PHP_MATRIX, async ( { page, browser } ) => {
		test.setTimeout( 180_000 );
		await page.goto( '/wp-login.php' );
		await submitPasswordForm( page, editorUser.username, editorUser.password );
		await expect( page ).toHaveURL( /wp-admin/ );

		await page.goto( '/wp-admin/post-new.php' );
		// Turn the welcome guide off the way its own "close" does, so it cannot pop up mid-test.
		await page.waitForFunction( () => ( window as unknown as { wp?: { data?: unknown } } ).wp?.data );
		await page.evaluate( () => {
			const { data } = ( window as unknown as { wp: { data: { dispatch: ( s: string ) => { set: ( a: string, b: string, c: boolean ) => void } } } } ).wp;
			data.dispatch( 'core/preferences' ).set( 'core/edit-post', 'welcomeGuide', false );
		} );
		const canvas = page.frameLocator( 'iframe[name="editor-canvas"]' );
		await canvas.getByRole( 'textbox', { name: 'Add title' } ).fill( 'Members area' );
		// The inserter's toggle is "Toggle block inserter" on WordPress 6.5, "Block Inserter" on 7.1.
		await page.getByRole( 'button', { name: /^(Toggle block inserter|Block Inserter)$/ } ).click();
		await page.getByPlaceholder( 'Search' ).fill( 'Logto sign-in' );
		// The editor shows the block as the server renders it for visitors (one PHP renderer).
		const rendered = page.waitForResponse( ( r ) => r.url().includes( '/wp/v2/block-renderer/logto-bridge/sign-in' ), { timeout: 60_000 } );
		await page.getByRole( 'option', { name: 'Logto sign-in' } ).click();
		expect( ( await rendered ).status(), 'the server renders the block for the editor' ).toBe( 200 );
		await expect( canvas.getByText( 'Sign in with Logto' ) ).toBeVisible();

		// Publish through the editor's own data store (the same action its Publish button
		// dispatches); the post-publish panel itself stalls in Playground.
		const postUrl = await page.evaluate( async () => {
			type Editor = {
				dispatch: ( s: string ) => { editPost: ( e: object ) => void; savePost: () => Promise< void > };
				select: ( s: string ) => { getPermalink: () => string; isCurrentPostPublished: () => boolean };
			};
			const { data } = ( window as unknown as { wp: { data: Editor } } ).wp;
			data.dispatch( 'core/editor' ).editPost( { status: 'publish' } );
			await data.dispatch( 'core/editor' ).savePost();
			return data.select( 'core/editor' ).isCurrentPostPublished() ? data.select( 'core/editor' ).getPermalink() : '';
		} );
		expect( postUrl, 'the post is published' ).toMatch( /^http/ );

		// A visitor who is not signed in.
		const visitorContext = await browser.newContext();
		const visitor = await visitorContext.newPage();
		await visitor.goto( postUrl );
		await visitor.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
		await signUpWithPhone( visitor, newPhone() );

		// Back on the post, signed in.
		await expect( visitor ).toHaveURL( postUrl.startsWith( 'http' ) ? postUrl : `${ wpUrl() }${ postUrl }` );
		await expect( visitor.getByText( /Signed in as Member [0-9A-F]{4}/ ) ).toBeVisible();
		await expect( visitor.getByRole( 'link', { name: 'Sign out' } ) ).toBeVisible();
		await visitorContext.close();
	} );
} );
