import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { request as playwrightRequest } from '@playwright/test';
import { importJWK, SignJWT, type JWK } from 'jose';

import { appAccessToken, flipSignature } from '@logto-bridge/testkit/app-token';
import { registerNativeApp } from '@logto-bridge/testkit/management-api';
import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { e2eDataDir } from '../../../scripts/lib/stack.mjs';
import { bearerRequest } from '../../support/bearer';
import { expect, PHP_MATRIX, test } from '../../support/test';
import { adminRest, allUsers, idpUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

// The WordPress REST API with Logto access tokens. The tokens come from an authorization-code
// flow driven over HTTP (testkit/app-token.ts) for a Native app with a custom-scheme redirect,
// registered through the Management API: the real idp issues them, the real bridge verifies
// them, real WordPress acts.
const REDIRECT = 'io.logto.wordpress.e2e://callback';
const resource = () => `${ wpUrl() }/wp-json`;
const outbox = () => process.env.E2E_SMS_OUTBOX as string;
let appId: string;

const appToken = ( phone: string, scope: string ) =>
	appAccessToken( { idpUrl: idpUrl(), outbox: outbox(), clientId: appId, redirectUri: REDIRECT, resource: resource() }, phone, scope );

const rest = bearerRequest;

test.describe( 'REST API with Logto access tokens (tokens from a Native-app sign-in driven over HTTP)', () => {
	restoreSettingsAfterAll();

	test.beforeAll( async () => {
		appId = await registerNativeApp( idpUrl(), 'WordPress app (e2e)', REDIRECT );
		// Only the apps the site lists may use its REST API.
		await updateSettings( { api_clients: appId } );
	} );

	test( 'the token of a phone that signed in on the site acts as that user: reads, comments with wp:write, is refused writes with wp:read', PHP_MATRIX, async () => {
		const phone = '+12015550161';
		const site = await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: outbox() }, phone );
		expect( site.url ).toMatch( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
		const user = ( await allUsers() ).find( ( u ) => u.meta.logto_phone === phone )!;

		const write = await appToken( phone, 'wp:read wp:write' );
		const me = await rest( write, '/wp-json/wp/v2/users/me' );
		expect( me.status ).toBe( 200 );
		expect( me.body?.id ).toBe( user.id );

		const posts = await rest( write, '/wp-json/wp/v2/posts?per_page=1' );
		const postId = ( posts.body as unknown as Array< { id: number } > )[ 0 ]!.id;
		// Another phone-only account (no email address either) is ready to comment right after.
		const other = '+12015550163';
		await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: outbox() }, other );
		const otherToken = await appToken( other, 'wp:read wp:write' );
		const comment = await rest( write, '/wp-json/wp/v2/comments', { method: 'POST', data: { post: postId, content: 'Posted from the app' } } );
		expect( comment.status, JSON.stringify( comment.body ) ).toBe( 201 );
		expect( comment.body?.author ).toBe( user.id );
		// WordPress counts earlier comments by user ID or by email address, and the empty address is
		// every phone-only account's: the same user again at once is a flood, another user is not.
		const again = await rest( write, '/wp-json/wp/v2/comments', { method: 'POST', data: { post: postId, content: 'Posted from the app, again' } } );
		expect( again.body?.code ).toBe( 'comment_flood' );
		const second = await rest( otherToken, '/wp-json/wp/v2/comments', { method: 'POST', data: { post: postId, content: 'Posted from the app too' } } );
		expect( second.status, JSON.stringify( second.body ) ).toBe( 201 );

		const read = await appToken( phone, 'wp:read' );
		expect( ( await rest( read, '/wp-json/wp/v2/users/me' ) ).status ).toBe( 200 );
		const refused = await rest( read, '/wp-json/wp/v2/comments', { method: 'POST', data: { post: postId, content: 'Not allowed' } } );
		expect( refused.status ).toBe( 403 );
		expect( refused.headers[ 'www-authenticate' ] ).toBe( 'Bearer error="insufficient_scope"' );
	} );

	test( 'a flipped signature, an expired token and an unlinked account get 401 with the challenge and nothing else', PHP_MATRIX, async () => {
		const phone = '+12015550162';
		await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: outbox() }, phone );
		const token = await appToken( phone, 'wp:read' );
		const flipped = flipSignature( token );
		const bad = await rest( flipped, '/wp-json/wp/v2/users/me' );
		expect( bad.status ).toBe( 401 );
		expect( bad.headers[ 'www-authenticate' ] ).toBe( 'Bearer error="invalid_token"' );
		expect( JSON.stringify( bad.body ) ).not.toMatch( /signature|jwks|kid/i );
		// Even where anonymous visitors may read: a bad token is refused, not treated as no token.
		const publicRead = await rest( flipped, '/wp-json/wp/v2/posts?per_page=1' );
		expect( publicRead.status ).toBe( 401 );
		expect( publicRead.headers[ 'www-authenticate' ] ).toBe( 'Bearer error="invalid_token"' );

		// Signed with the idp's own key, but expired a minute ago.
		const { keys } = JSON.parse( readFileSync( join( e2eDataDir, 'idp', 'keys.json' ), 'utf8' ) ) as { keys: Array< JWK & { kid: string; alg: string } > };
		const key = keys.find( ( k ) => k.alg === 'ES384' )!;
		const now = Math.floor( Date.now() / 1000 );
		const sign = ( sub: string, exp: number ) =>
			importJWK( key, 'ES384' ).then( ( k ) =>
				new SignJWT( { scope: 'wp:read', client_id: appId } ).setProtectedHeader( { alg: 'ES384', kid: key.kid } ).setIssuer( `${ idpUrl() }/oidc` ).setAudience( resource() ).setSubject( sub ).setIssuedAt( now - 3600 ).setExpirationTime( exp ).sign( k )
			);
		const user = ( await allUsers() ).find( ( u ) => u.meta.logto_phone === phone )!;
		const payload = JSON.parse( Buffer.from( token.split( '.' )[ 1 ]!, 'base64url' ).toString() ) as { sub: string };
		expect( ( await rest( await sign( payload.sub, now - 60 ), '/wp-json/wp/v2/users/me' ) ).status, 'expired' ).toBe( 401 );
		expect( ( await rest( await sign( payload.sub, now + 600 ), '/wp-json/wp/v2/users/me' ) ).body?.id, 'the same, not expired' ).toBe( user.id );
		const before = ( await allUsers() ).length;
		const stranger = await rest( await sign( 'no-such-logto-user', now + 600 ), '/wp-json/wp/v2/users/me' );
		expect( stranger.status, 'a token never creates a user' ).toBe( 401 );
		expect( ( await allUsers() ).length ).toBe( before );
	} );
	test( 'a token acts only where the REST server serves: wp-comments-post.php, admin-ajax.php and wp-admin see an anonymous visitor, whatever the query says', async () => {
		const phone = '+12015550164';
		await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: outbox() }, phone );
		const user = ( await allUsers() ).find( ( u ) => u.meta.logto_phone === phone )!;
		const admin = await adminRest();
		const posts = ( await ( await admin.get( '/wp-json/wp/v2/posts?per_page=1' ) ).json() ) as Array< { id: number } >;
		const postId = posts[ 0 ]!.id;
		for ( const scope of [ 'wp:read', 'wp:read wp:write' ] ) {
			const token = await appToken( phone, scope );
			const ctx = await playwrightRequest.newContext( { baseURL: wpUrl(), extraHTTPHeaders: { authorization: `Bearer ${ token }` } } );
			// The REST route itself knows the user: the token is good.
			expect( ( ( await ( await ctx.get( '/?rest_route=/wp/v2/users/me' ) ).json() ) as { id: number } ).id, scope ).toBe( user.id );

			const text = `Not through the REST API (${ scope })`;
			await ctx.post( '/wp-comments-post.php?rest_route=/', { form: { comment_post_ID: String( postId ), comment: text }, maxRedirects: 0 } );
			const stored = ( await ( await admin.get( `/wp-json/wp/v2/comments?search=${ encodeURIComponent( text ) }&status=all&context=edit`, { headers: { 'X-WP-Nonce': admin.nonce } } ) ).json() ) as Array< { author: number } >;
			expect( stored.filter( ( c ) => c.author === user.id ), `${ scope }: no comment stored under the user` ).toEqual( [] );

			const nonce = await ctx.get( '/wp-admin/admin-ajax.php?action=rest-nonce&rest_route=/' );
			expect( nonce.status(), `${ scope }: admin-ajax answers no REST nonce` ).toBe( 400 );
			expect( await nonce.text() ).not.toMatch( /^[0-9a-f]{10}$/ );

			const dashboard = await ctx.get( '/wp-admin/profile.php?rest_route=/', { maxRedirects: 0 } );
			expect( dashboard.status(), `${ scope }: wp-admin sends to sign-in` ).toBe( 302 );
			expect( dashboard.headers().location ).toContain( 'wp-login.php' );
			await ctx.dispose();
		}
		await admin.dispose();
	} );

	test( "an administrator's token runs no admin action: the settings, the connection check and every setup step answer 401", async () => {
		const phone = '+12015550165';
		await phoneSignUp( { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: outbox() }, phone );
		const user = ( await allUsers() ).find( ( u ) => u.meta.logto_phone === phone )!;
		const admin = await adminRest();
		expect( ( await admin.post( `/wp-json/wp/v2/users/${ user.id }`, { data: { roles: [ 'administrator' ] }, headers: { 'X-WP-Nonce': admin.nonce } } ) ).status() ).toBe( 200 );
		const token = await appToken( phone, 'wp:read wp:write' );
		expect( ( await rest( token, '/wp-json/wp/v2/users/me?context=edit' ) ).body?.roles, 'the token is an administrator\'s' ).toEqual( [ 'administrator' ] );
		const logto = { endpoint: idpUrl(), app_id: 'wordpress-setup', app_secret: '' };
		const calls: Array< [ string, string, unknown? ] > = [
			[ 'GET', '/wp-json/logto-bridge/v1/settings' ],
			[ 'POST', '/wp-json/logto-bridge/v1/settings', { login_mode: 'redirect' } ],
			[ 'GET', '/wp-json/logto-bridge/v1/connection-check' ],
			[ 'GET', '/wp-json/logto-bridge/v1/setup' ],
			...[ 'connect', 'application', 'sms', 'sms-test', 'sign-in', 'roles', 'api', 'finish' ].map( ( step ): [ string, string, unknown ] => [ 'POST', `/wp-json/logto-bridge/v1/setup/${ step }`, { logto } ] ),
		];
		for ( const [ method, path, data ] of calls ) {
			const res = await rest( token, path, { method, data } );
			expect( res.status, `${ method } ${ path }` ).toBe( 401 );
		}
		await admin.post( `/wp-json/wp/v2/users/${ user.id }`, { data: { roles: [ 'subscriber' ] }, headers: { 'X-WP-Nonce': admin.nonce } } );
		await admin.dispose();
	} );
} );
