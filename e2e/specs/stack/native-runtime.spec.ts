import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { installedEntry } from '../../../scripts/lib/bridge-release.mjs';
import { deployedBridgeBlock } from '../../../scripts/lib/native/nginx.mjs';
import { e2eDataDir } from '../../../scripts/lib/stack.mjs';

import { expect, test } from '../../support/test';
import { allUsers, bridgeUrl, idpUrl, restoreSettingsAfterAll, updateSettings, wpUrl } from '../../support/wordpress';

/** What a log file gained since `from` bytes. */
const logSince = ( name: string, from: number ) => readFileSync( join( process.env.E2E_LOG_DIR as string, name ), 'utf8' ).slice( from );
const logSize = ( name: string ) => statSync( join( process.env.E2E_LOG_DIR as string, name ) ).size;

/** For each sign-in flow, the bridge instance that logged its start and its callback (the bridges' own logs). */
function instancesByFlow() {
	const dir = process.env.E2E_LOG_DIR as string;
	const flows = new Map< string, { signIn?: string; callback?: string } >();
	for ( const file of readdirSync( dir ).filter( ( f ) => /^bridge-.*\.log$/.test( f ) ) ) {
		for ( const line of readFileSync( join( dir, file ), 'utf8' ).split( '\n' ) ) {
			if ( ! line.startsWith( '{' ) ) continue;
			const entry = JSON.parse( line ) as { flow?: string; step?: string; instance?: string; msg?: string };
			if ( ! entry.flow ) continue;
			const flow = flows.get( entry.flow ) ?? {};
			if ( entry.step === 'sign-in' ) flow.signIn = entry.instance;
			if ( entry.step === 'callback' && entry.msg === 'ticket issued' ) flow.callback = entry.instance;
			flows.set( entry.flow, flow );
		}
	}
	return flows;
}

test.describe( 'native runtime only: https through nginx, two bridge instances on Redis', () => {
	test.skip( process.env.WP_RUNTIME !== 'native', 'only the native runtime serves https and runs two bridge instances' );
	restoreSettingsAfterAll();

	test( 'what runs is what ships: each bridge instance is the packed release installed without dev dependencies, behind deploy/’s nginx block', async ( { request } ) => {
		const pids = JSON.parse( process.env.E2E_BRIDGE_PIDS as string ) as number[];
		// Where the stack installs it (scripts/lib/stack.mjs).
		const releaseHome = join( e2eDataDir, 'native', 'bridge-release', 'home' );
		expect( pids.length ).toBe( 2 );
		for ( const pid of pids ) {
			const argv = readFileSync( `/proc/${ pid }/cmdline`, 'utf8' ).split( '\0' ).filter( Boolean );
			expect( argv.slice( 1 ) ).toEqual( [ installedEntry( releaseHome ) ] );
		}
		expect( readdirSync( join( releaseHome, 'node_modules' ) ) ).not.toContain( 'tsx' );
		// Every directive of the shipped block (its marked values aside) is in the config nginx runs.
		const served = readFileSync( join( e2eDataDir, 'native', 'nginx', 'nginx.conf' ), 'utf8' );
		const directives = readFileSync( deployedBridgeBlock, 'utf8' ).split( '\n' ).map( ( l ) => l.trim() ).filter( ( l ) => l && ! l.startsWith( '#' ) && ! /# [a-z_ ]+$/.test( l ) );
		expect( directives.length ).toBeGreaterThan( 8 );
		for ( const directive of directives ) expect( served, directive ).toContain( directive );
		expect( ( await request.get( `${ bridgeUrl() }/healthz` ) ).status() ).toBe( 200 );
	} );

	test( 'over https every sign-in cookie is Secure and HttpOnly, the bridge’s is __Host-, and a sign-in started on one bridge instance finishes on the other', async ( { browser } ) => {
		await updateSettings( { login_mode: 'buttons', create_users: true } );
		let crossed: { signIn?: string; callback?: string } | undefined;
		// nginx alternates the instances over all requests (WordPress's own calls to the bridge
		// included), so a few sign-ins are enough for one to cross.
		for ( let attempt = 0; attempt < 6 && ! crossed; attempt++ ) {
			const context = await browser.newContext( { baseURL: wpUrl() } );
			const page = await context.newPage();
			await page.goto( '/wp-login.php' );
			await page.getByRole( 'button', { name: 'Sign in with Logto' } ).click();
			await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
			const pending = ( await context.cookies( bridgeUrl() ) ).filter( ( c ) => c.name.includes( 'logto_bridge' ) );
			expect( pending.map( ( c ) => [ c.name, c.secure, c.httpOnly, c.path ] ) ).toEqual(
				expect.arrayContaining( [
					[ '__Host-logto_bridge.signin', true, true, '/' ],
					[ 'logto_bridge_binding', true, true, '/' ],
				] ),
			);
			await page.getByLabel( 'Username' ).fill( 'twin' );
			await page.getByLabel( 'Password' ).fill( 'twin-password-123' );
			await page.getByRole( 'button', { name: 'Sign in', exact: true } ).click();
			await expect( page ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
			const session = ( await context.cookies( wpUrl() ) ).filter( ( c ) => c.name.startsWith( 'wordpress_' ) && ! c.name.startsWith( 'wordpress_test' ) );
			expect( session.length ).toBeGreaterThan( 0 );
			for ( const cookie of session ) expect( [ cookie.name, cookie.secure, cookie.httpOnly ] ).toEqual( [ cookie.name, true, true ] );
			await context.close();
			crossed = [ ...instancesByFlow().values() ].find( ( f ) => f.signIn && f.callback && f.signIn !== f.callback );
		}
		expect( crossed, 'a sign-in whose start and callback were served by different instances' ).toBeTruthy();
	} );

	test( '50 new visitors signing up by phone at the same moment all end signed in, each as their own new user, with no PHP or nginx error', async () => {
		await updateSettings( { create_users: true } );
		const logs = [ 'php-error.log', 'nginx-error.log', 'wp-debug.log' ];
		const before = Object.fromEntries( logs.map( ( name ) => [ name, logSize( name ) ] ) );
		const phones = Array.from( { length: 50 }, ( _, i ) => `+1201555${ String( 7000 + i ) }` );
		const site = { wpUrl: wpUrl(), idpUrl: idpUrl(), outbox: process.env.E2E_SMS_OUTBOX as string };
		const ends = await Promise.all( phones.map( ( phone ) => phoneSignUp( site, phone ).then( ( r ) => r.url, ( e: Error ) => e.message ) ) );
		expect( ends ).toEqual( Array( 50 ).fill( `${ wpUrl() }/wp-admin/` ) );
		const byPhone = new Map( ( await allUsers() ).map( ( u ) => [ u.meta?.logto_phone, u.id ] ) );
		const ids = phones.map( ( phone ) => byPhone.get( phone ) );
		expect( new Set( ids ).size, 'fifty different users' ).toBe( 50 );
		expect( ids.every( Boolean ) ).toBe( true );
		for ( const name of logs ) expect( logSince( name, before[ name ]! ), name ).toBe( '' );
	} );
} );
