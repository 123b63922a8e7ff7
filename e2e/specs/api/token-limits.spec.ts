import { appAccessToken, appTokens, flipSignature } from '@logto-bridge/testkit/app-token';
import { registerNativeApp } from '@logto-bridge/testkit/management-api';
import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { bearerRequest } from '../../support/bearer';
import { expect, test } from '../../support/test';
import { adminRest, allUsers, idpUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

// What bounds a Logto access token beyond its signature: which apps the site lists, the settings
// it was accepted under, how often one address may fail, and what an app's sign-in may change.
// Tokens come from Native-app sign-ins driven over HTTP against the real idp (testkit/app-token.ts).
const REDIRECT = 'io.logto.wordpress.limits://callback';
const resource = () => `${ wpUrl() }/wp-json`;
const outbox = () => process.env.E2E_SMS_OUTBOX as string;
const app = ( clientId: string, withResource = true ) => ( { idpUrl: idpUrl(), outbox: outbox(), clientId, redirectUri: REDIRECT, resource: withResource ? resource() : null } );

const get = ( token: string, path: string ) => bearerRequest( token, path );
const appSignIn = ( data: Record< string, string > ) => bearerRequest( null, '/wp-json/logto-bridge/v1/app/sign-in', { method: 'POST', data } );

async function clearRateLimits() {
	const rest = await adminRest();
	expect( ( await rest.post( '/wp-json/logto-bridge-test/v1/clear-rate-limits', { headers: { 'X-WP-Nonce': rest.nonce } } ) ).status() ).toBe( 200 );
	await rest.dispose();
}

test.describe.configure( { mode: 'serial' } );

test.describe( 'what bounds an access token: listed apps, the settings it was accepted under, failures per address, an app sign-in without roles', () => {
	restoreSettingsAfterAll();
	let listed: string;
	let other: string;
	let token: string;
	const phone = '+12015550168';

	test.beforeAll( async () => {
		listed = await registerNativeApp( idpUrl(), 'Listed app (e2e)', REDIRECT );
		other = await registerNativeApp( idpUrl(), 'Another app of the tenant (e2e)', REDIRECT );
		await updateSettings( { api_clients: listed } );
	} );

	test( "a token of an app the site does not list gets 401, on the REST API and the app's sign-in alike", async () => {
		await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: outbox() }, phone );
		token = await appAccessToken( app( listed ), phone, 'wp:read' );
		expect( ( await get( token, '/wp-json/wp/v2/users/me' ) ).status, 'the listed app' ).toBe( 200 );
		const foreign = await appAccessToken( app( other ), phone, 'wp:read' );
		const refused = await get( foreign, '/wp-json/wp/v2/users/me' );
		expect( refused.status, 'another app, same resource, same user' ).toBe( 401 );
		expect( refused.headers[ 'www-authenticate' ] ).toBe( 'Bearer error="invalid_token"' );
		const userinfo = ( await appTokens( app( other, false ), phone, 'profile phone' ) ).access_token;
		expect( ( await appSignIn( { access_token: foreign, userinfo_token: userinfo } ) ).status ).toBe( 401 );
	} );

	test( 'changing the API resource ends cached acceptance at once', async () => {
		expect( ( await get( token, '/wp-json/wp/v2/users/me' ) ).status, 'accepted and cached' ).toBe( 200 );
		await updateSettings( { api_resource: `${ wpUrl() }/wp-json/elsewhere` } );
		expect( ( await get( token, '/wp-json/wp/v2/users/me' ) ).status, 'a token for the old resource' ).toBe( 401 );
		await updateSettings( { api_resource: '' } );
		expect( ( await get( token, '/wp-json/wp/v2/users/me' ) ).status ).toBe( 200 );
	} );

	test( 'an app sign-in whose userinfo has no roles claim leaves the roles as they are', async () => {
		await updateSettings( { role_mapping: [ { logto_role: 'editor', wp_role: 'editor' } ], default_role: 'subscriber' } );
		const user = ( await allUsers() ).find( ( u ) => u.meta.logto_phone === phone )!;
		const rest = await adminRest();
		expect( ( await rest.post( `/wp-json/wp/v2/users/${ user.id }`, { headers: { 'X-WP-Nonce': rest.nonce }, data: { roles: [ 'author' ] } } ) ).status() ).toBe( 200 );
		await rest.dispose();
		// The app asked for no `roles` scope: Logto's userinfo says nothing about roles.
		const userinfo = ( await appTokens( app( listed, false ), phone, 'profile phone' ) ).access_token;
		const signedIn = await appSignIn( { access_token: token, userinfo_token: userinfo } );
		expect( signedIn.status, JSON.stringify( signedIn.body ) ).toBe( 200 );
		expect( ( await allUsers() ).find( ( u ) => u.id === user.id )?.roles, 'not demoted to the role of new users' ).toEqual( [ 'author' ] );
	} );

	test( 'refused tokens and app sign-ins are limited per client address: 429 with Retry-After', async () => {
		// 62 requests that each ask the bridge: near a minute on Playground's PHP.
		test.setTimeout( 180_000 );
		await clearRateLimits();
		try {
			const flipped = flipSignature( token );
			for ( let i = 0; i < 30; i++ ) expect( ( await get( flipped, '/wp-json/wp/v2/users/me' ) ).status ).toBe( 401 );
			const limited = await get( flipped, '/wp-json/wp/v2/users/me' );
			expect( limited.status ).toBe( 429 );
			expect( Number( limited.headers[ 'retry-after' ] ) ).toBeGreaterThan( 0 );
			expect( ( await get( token, '/wp-json/wp/v2/users/me' ) ).status, 'a good token, cached, still acts' ).toBe( 200 );

			for ( let i = 0; i < 30; i++ ) expect( ( await appSignIn( { access_token: 'not.a.token', userinfo_token: 'x' } ) ).status ).toBe( 401 );
			const again = await appSignIn( { access_token: 'not.a.token', userinfo_token: 'x' } );
			expect( again.status ).toBe( 429 );
			expect( Number( again.headers[ 'retry-after' ] ) ).toBeGreaterThan( 0 );
		} finally {
			await clearRateLimits();
		}
	} );
} );
