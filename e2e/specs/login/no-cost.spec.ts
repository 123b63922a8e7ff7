import { expect, test } from '../../support/test';
import { adminRest, restoreSettingsAfterAll, updateSettings } from '../../support/wordpress';

/** The probe mu-plugin's counts for one page view. */
async function probe( request: import('@playwright/test').APIRequestContext, path: string ) {
	const res = await request.get( path );
	expect( res.status() ).toBe( 200 );
	const match = /<!-- logto-bridge-probe http=(\d+) queries=(\d+) -->/.exec( await res.text() );
	expect( match, 'the test probe reported' ).toBeTruthy();
	return { http: Number( match![ 1 ] ), queries: Number( match![ 2 ] ) };
}

async function setPluginActive( active: boolean ) {
	const rest = await adminRest();
	const res = await rest.post( '/wp-json/wp/v2/plugins/logto-bridge/logto-bridge', {
		headers: { 'X-WP-Nonce': rest.nonce },
		data: { status: active ? 'active' : 'inactive' },
	} );
	expect( res.ok(), await res.text() ).toBe( true );
	await rest.dispose();
}

test.describe( 'ordinary pages', () => {
	test.afterAll( async () => {
		await setPluginActive( true );
	} );
	// After the plugin is active again: its REST route puts the settings back.
	restoreSettingsAfterAll();

	test( 'make no remote call and no extra query, even with the bridge unreachable', async ( { request } ) => {
		// A closed port: any call to the bridge on an ordinary page would fail or wait.
		await updateSettings( { bridge_url: 'http://127.0.0.1:9', login_mode: 'buttons' } );
		const active = await probe( request, '/' );
		expect( active.http, 'no outgoing HTTP request on the front page' ).toBe( 0 );

		await setPluginActive( false );
		const inactive = await probe( request, '/' );
		await setPluginActive( true );
		const activeAgain = await probe( request, '/' );
		expect( activeAgain.queries, 'the same database queries as without the plugin' ).toBe( inactive.queries );
	} );
} );
