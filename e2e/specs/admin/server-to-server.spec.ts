import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { RESPONSE, sign, verify } from '@logto-bridge/bridge/signature';
import { siteConfigSchema } from '@logto-bridge/bridge/site-config';

import { expect, test } from '../../support/test';
import { adminRest, idpUrl, restoreSettingsAfterAll } from '../../support/wordpress';

const route = '/logto-bridge/v1/site-config';
const signed = () => ( { 'x-logto-bridge-signature': sign( process.env.E2E_BRIDGE_SECRET as string, { method: 'POST', path: route, body: '' } ) } );

test.describe( 'what WordPress tells the bridge', () => {
	restoreSettingsAfterAll();

	test( 'the bridge config, with the app secret, goes only to a signed, fresh request, and comes back signed', async ( { request } ) => {
		expect( ( await request.post( `/?rest_route=${ route }` ) ).status(), 'unsigned' ).toBe( 401 );
		const forged = sign( 'not-the-shared-secret-0123456789abcdef', { method: 'POST', path: route, body: '' } );
		expect( ( await request.post( `/?rest_route=${ route }`, { headers: { 'x-logto-bridge-signature': forged } } ) ).status(), 'another secret' ).toBe( 401 );

		const headers = signed();
		const res = await request.post( `/?rest_route=${ route }`, { headers } );
		expect( res.status() ).toBe( 200 );
		const { payload, signature } = ( await res.json() ) as { payload: string; signature: string };
		const nonce = /,n=([\w-]+),/.exec( headers[ 'x-logto-bridge-signature' ] )![ 1 ];
		expect( verify( process.env.E2E_BRIDGE_SECRET as string, signature, { method: RESPONSE, path: route, body: payload } ) ).toEqual( { ok: true, nonce } );
		expect( JSON.parse( payload ).appSecret ).toBe( process.env.E2E_APP_SECRET );
		// Settings::site_config()'s real output is exactly what the bridge's schema takes: no field
		// missing or mistyped, none the bridge does not know.
		expect( siteConfigSchema.strict().safeParse( JSON.parse( payload ) ).error?.issues ?? [] ).toEqual( [] );

		expect( ( await request.post( `/?rest_route=${ route }`, { headers } ) ).status(), 'the same signed request again' ).toBe( 401 );
		expect( ( await request.get( `/?rest_route=${ route }`, { headers: signed() } ) ).status(), 'GET is not a way in' ).toBe( 404 );
	} );

	test( 'a bridge URL over plain http is refused unless it is on this server', async () => {
		const rest = await adminRest();
		const save = ( bridge_url: string ) => rest.post( '/wp-json/logto-bridge/v1/settings', { data: { bridge_url }, headers: { 'X-WP-Nonce': rest.nonce } } );
		const refused = await save( 'http://auth.example.com' );
		expect( refused.status() ).toBe( 400 );
		expect( ( ( await refused.json() ) as { data: { fields: Record< string, string > } } ).data.fields.bridge_url ).toContain( 'must use https' );
		expect( ( await save( 'https://auth.example.com' ) ).status() ).toBe( 200 );
		await rest.dispose();
	} );
	test( 'a kept setup secret goes nowhere but the Logto and bridge it was kept with: retargeting the bridge URL forgets it', async () => {
		const rest = await adminRest();
		const headers = { 'X-WP-Nonce': rest.nonce };
		const secret = 'local-setup-secret';
		const logto = { endpoint: idpUrl(), app_id: 'wordpress-setup', app_secret: secret };
		expect( ( await rest.post( '/wp-json/logto-bridge/v1/setup/finish', { data: { logto, keep: true }, headers } ) ).status() ).toBe( 200 );
		const state = async () => ( ( await ( await rest.get( '/wp-json/logto-bridge/v1/setup', { headers } ) ).json() ) as { credentials: { secret_kept: boolean } } ).credentials.secret_kept;
		expect( await state(), 'kept' ).toBe( true );

		// A server on the site's network that records whatever WordPress sends it.
		const captured: string[] = [];
		const capture = createServer( ( req, res ) => {
			let body = '';
			req.on( 'data', ( chunk: Buffer ) => ( body += chunk.toString() ) );
			req.on( 'end', () => {
				captured.push( `${ req.method } ${ req.url } ${ JSON.stringify( req.headers ) } ${ body }` );
				res.writeHead( 404 ).end();
			} );
		} );
		await new Promise< void >( ( resolve ) => capture.listen( 0, '127.0.0.1', resolve ) );
		try {
			const elsewhere = `http://127.0.0.1:${ ( capture.address() as AddressInfo ).port }`;
			expect( ( await rest.post( '/wp-json/logto-bridge/v1/settings', { data: { bridge_url: elsewhere }, headers } ) ).status() ).toBe( 200 );
			const connect = await rest.post( '/wp-json/logto-bridge/v1/setup/connect', { data: { logto: { ...logto, app_secret: '' } }, headers } );
			expect( connect.status(), 'a blank secret is not filled in for another bridge' ).toBe( 400 );
			expect( captured.join( '\n' ), 'the capture holds no secret' ).not.toContain( secret );
			expect( await state(), 'the kept credential is gone' ).toBe( false );
		} finally {
			capture.close();
			await rest.dispose();
		}
	} );
} );
