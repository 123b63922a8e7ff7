import { request as playwrightRequest } from '@playwright/test';

import { expect, test } from '../../support/test';
import { adminRest, createUser, findUsers, idpUrl, passwordRest, updateSettings, withSettings, wpUrl } from '../../support/wordpress';

const editor = { username: 'guard-editor', email: 'guard-editor@example.test', name: 'Guard Editor', roles: [ 'editor' ] };
const editorPassword = `${ editor.username }-Wp-Password-1`;
const editorRest = () => passwordRest( editor.username );

test.describe( "the plugin's guards", () => {
	withSettings( { allow_password: true } );

	test.beforeAll( async () => {
		// A retried worker runs this again: the editor may already be there.
		if ( ! ( await findUsers( editor.username ) ).length ) await createUser( editor );
	} );

	test( 'only administrators read or change the Logto settings and run the connection check', async ( { request } ) => {
		for ( const path of [ '/wp-json/logto-bridge/v1/settings', '/wp-json/logto-bridge/v1/connection-check' ] ) {
			expect( ( await request.get( path ) ).status(), `anonymous ${ path }` ).toBe( 401 );
		}
		expect( ( await request.post( '/wp-json/logto-bridge/v1/settings', { data: { login_mode: 'redirect' } } ) ).status(), 'anonymous save' ).toBe( 401 );
		// An administrator's cookies without the REST nonce count for nothing (a cross-site request).
		const admin = await adminRest();
		expect( ( await admin.get( '/wp-json/logto-bridge/v1/settings' ) ).status(), 'no nonce' ).toBe( 401 );
		expect( ( await admin.post( '/wp-json/logto-bridge/v1/settings', { data: { login_mode: 'redirect' } } ) ).status(), 'no nonce, save' ).toBe( 401 );
		await admin.dispose();
		const rest = await editorRest();
		const headers = { 'X-WP-Nonce': rest.nonce };
		expect( ( await rest.get( '/wp-json/logto-bridge/v1/settings', { headers } ) ).status(), 'an editor reads' ).toBe( 403 );
		expect( ( await rest.get( '/wp-json/logto-bridge/v1/connection-check', { headers } ) ).status(), 'an editor checks' ).toBe( 403 );
		expect( ( await rest.post( '/wp-json/logto-bridge/v1/settings', { headers, data: { login_mode: 'redirect' } } ) ).status(), 'an editor saves' ).toBe( 403 );
		await rest.dispose();
	} );

	test( 'only administrators run the Logto setup wizard; no step answers with a secret', async ( { request } ) => {
		const steps = [ 'connect', 'application', 'sms', 'sms-test', 'sign-in', 'roles', 'api', 'finish' ];
		const data = { logto: { endpoint: 'http://127.0.0.1:9', app_id: 'x', app_secret: 'y' } };
		expect( ( await request.get( '/wp-json/logto-bridge/v1/setup' ) ).status(), 'anonymous state' ).toBe( 401 );
		for ( const step of steps ) {
			expect( ( await request.post( `/wp-json/logto-bridge/v1/setup/${ step }`, { data } ) ).status(), `anonymous ${ step }` ).toBe( 401 );
		}
		const admin = await adminRest();
		expect( ( await admin.post( '/wp-json/logto-bridge/v1/setup/connect', { data } ) ).status(), 'no nonce' ).toBe( 401 );
		const state = await admin.get( '/wp-json/logto-bridge/v1/setup', { headers: { 'X-WP-Nonce': admin.nonce } } );
		expect( state.status() ).toBe( 200 );
		expect( Object.keys( ( ( await state.json() ) as { credentials: object } ).credentials ).sort(), 'the kept secret is never read back' ).toEqual( [ 'app_id', 'endpoint', 'resource', 'secret_kept' ] );
		await admin.dispose();
		const rest = await editorRest();
		for ( const step of steps ) {
			expect( ( await rest.post( `/wp-json/logto-bridge/v1/setup/${ step }`, { headers: { 'X-WP-Nonce': rest.nonce }, data } ) ).status(), `an editor: ${ step }` ).toBe( 403 );
		}
		await rest.dispose();
	} );

	test( 'new accounts can never be made administrators by default', async () => {
		const rest = await adminRest();
		const res = await rest.post( '/wp-json/logto-bridge/v1/settings', { data: { default_role: 'administrator' }, headers: { 'X-WP-Nonce': rest.nonce } } );
		expect( res.status() ).toBe( 400 );
		expect( ( ( await res.json() ) as { data: { fields: Record< string, string > } } ).data.fields.default_role ).toContain( 'other than Administrator' );
		await rest.dispose();
	} );

	test( 'the setup wizard maps no role that can run the site, as default or otherwise', async () => {
		const rest = await adminRest();
		const logto = { endpoint: idpUrl(), app_id: 'wordpress-setup', app_secret: 'local-setup-secret' };
		for ( const row of [ { wp_role: 'administrator', is_default: true }, { wp_role: 'administrator' } ] ) {
			const res = await rest.post( '/wp-json/logto-bridge/v1/setup/roles', { data: { logto, roles: [ { wp_role: 'editor' }, row ] }, headers: { 'X-WP-Nonce': rest.nonce } } );
			expect( res.status(), JSON.stringify( row ) ).toBe( 400 );
			expect( ( ( await res.json() ) as { message: string } ).message ).toContain( 'can change settings or give out roles' );
		}
		await rest.dispose();
	} );

	test('the settings an administrator reads carry no secret, only whether the app secret is set', async () => {
		const rest = await adminRest();
		const res = await rest.get( '/wp-json/logto-bridge/v1/settings', { headers: { 'X-WP-Nonce': rest.nonce } } );
		const body = await res.text();
		expect( res.status() ).toBe( 200 );
		expect( body ).not.toContain( process.env.E2E_APP_SECRET as string );
		expect( body ).not.toContain( process.env.E2E_BRIDGE_SECRET as string );
		expect( JSON.parse( body ).app_secret_set ).toBe( true );
		await rest.dispose();
	} );

	test( 'with the password form off, the break-glass lets administrators in and no one else', async () => {
		await updateSettings( { allow_password: false } );
		const ctx = await playwrightRequest.newContext( { baseURL: wpUrl() } );
		const res = await ctx.post( '/wp-login.php?logto_break_glass=1', {
			form: { log: editor.username, pwd: editorPassword, 'wp-submit': 'Log In', testcookie: '1', logto_break_glass: '1' },
			headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
			maxRedirects: 0,
		} );
		expect( res.status(), 'the editor is not signed in' ).toBe( 200 );
		expect( await res.text() ).toContain( 'Password sign-in is turned off on this site.' );
		await ctx.dispose();
		await updateSettings( { allow_password: true } );
	} );
} );
