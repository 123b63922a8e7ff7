import { readFileSync, existsSync } from 'node:fs';

import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';

export const admin = { username: 'admin', password: 'password' };
export const wpUrl = () => process.env.WP_BASE_URL ?? `${ process.env.WP_RUNTIME === 'native' ? 'https' : 'http' }://127.0.0.1:${ process.env.E2E_WP_PORT ?? 8889 }`;
/** The WordPress folder of the e2e stack (its uploads hold the test mailbox). */
export const wpDir = () => process.env.E2E_WP_DIR as string;
export const idpUrl = () => process.env.E2E_IDP_URL as string;

/** Where global setup keeps the admin's signed-in cookies (one sign-in for the whole run). */
export const adminStateFile = () => process.env.E2E_ADMIN_STATE as string;
export const bridgeUrl = () => process.env.E2E_BRIDGE_URL as string;

/** Signs the admin in once, through the break-glass so it works whatever the password-form setting is, and saves the cookies. */
export async function saveAdminState( baseURL: string, file: string ) {
	const ctx = await request.newContext( { baseURL } );
	const login = await ctx.post( '/wp-login.php', {
		form: { log: admin.username, pwd: admin.password, 'wp-submit': 'Log In', testcookie: '1', redirect_to: '/wp-admin/', logto_break_glass: '1' },
		headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
		maxRedirects: 0,
	} );
	if ( login.status() !== 302 ) throw new Error( `admin login failed: ${ login.status() }` );
	await ctx.storageState( { path: file } );
	await ctx.dispose();
}

/** An admin's REST client on the saved sign-in, with core's REST nonce. */
export async function adminRest(): Promise< APIRequestContext & { nonce: string } > {
	const ctx = await request.newContext( { baseURL: wpUrl(), storageState: adminStateFile() } );
	const nonce = await ( await ctx.get( '/wp-admin/admin-ajax.php?action=rest-nonce' ) ).text();
	if ( ! /^[0-9a-f]{10}$/.test( nonce ) ) throw new Error( `the saved admin sign-in no longer works (rest-nonce answered "${ nonce }")` );
	return Object.assign( ctx, { nonce } );
}

export async function updateSettings( data: Record< string, unknown > ) {
	const rest = await adminRest();
	const res = await rest.post( '/wp-json/logto-bridge/v1/settings', { data, headers: { 'X-WP-Nonce': rest.nonce } } );
	if ( ! res.ok() ) throw new Error( `settings update failed: ${ res.status() } ${ await res.text() }` );
	await rest.dispose();
}

export async function readSettings(): Promise< Record< string, unknown > > {
	const rest = await adminRest();
	const settings = ( await ( await rest.get( '/wp-json/logto-bridge/v1/settings', { headers: { 'X-WP-Nonce': rest.nonce } } ) ).json() ) as Record< string, unknown >;
	await rest.dispose();
	return settings;
}

/** In a describe block: the settings as they were before it are put back after it. */
export function restoreSettingsAfterAll() {
	let before: Record< string, unknown > = {};
	test.beforeAll( async () => {
		// Only what the screen can write: not the secret's flag, the locks, the URIs or the role list.
		const { app_secret_set: _s, locked: _l, uris: _u, available_roles: _r, bridge_secret_from_constant: _b, ...editable } = await readSettings();
		before = editable;
	} );
	test.afterAll( async () => {
		await updateSettings( before );
	} );
}

export type WpUser = { id: number; username: string; email: string; roles: string[]; name: string; slug: string; nickname: string; first_name: string; last_name: string; meta: { logto_phone?: string } };

export async function findUsers( search: string ): Promise< WpUser[] > {
	const rest = await adminRest();
	const res = await rest.get( `/wp-json/wp/v2/users?context=edit&search=${ encodeURIComponent( search ) }`, { headers: { 'X-WP-Nonce': rest.nonce } } );
	const users = ( await res.json() ) as WpUser[];
	await rest.dispose();
	return users;
}

/** The user whose verified phone (user meta logto_phone, E.164) is `phone`, as an admin sees it; phones are not usernames. */
export async function findUserByPhone( phone: string ): Promise< WpUser | undefined > {
	const rest = await adminRest();
	const res = await rest.get( '/wp-json/wp/v2/users?context=edit&per_page=100', { headers: { 'X-WP-Nonce': rest.nonce } } );
	const users = ( await res.json() ) as WpUser[];
	await rest.dispose();
	return users.find( ( u ) => u.meta?.logto_phone === phone );
}

/** Every user, as an admin sees them (all pages of the REST list). */
export async function allUsers(): Promise< WpUser[] > {
	const rest = await adminRest();
	const users: WpUser[] = [];
	for ( let page = 1; ; page++ ) {
		const batch = ( await ( await rest.get( `/wp-json/wp/v2/users?context=edit&per_page=100&page=${ page }`, { headers: { 'X-WP-Nonce': rest.nonce } } ) ).json() ) as WpUser[];
		users.push( ...batch );
		if ( batch.length < 100 ) break;
	}
	await rest.dispose();
	return users;
}

/** Creates a WordPress user as an admin would in Users > Add New; returns its ID. */
export async function createUser( user: { username: string; email: string; name: string; roles: string[] } ): Promise< number > {
	const rest = await adminRest();
	const res = await rest.post( '/wp-json/wp/v2/users', {
		data: { ...user, password: `${ user.username }-Wp-Password-1` },
		headers: { 'X-WP-Nonce': rest.nonce },
	} );
	if ( ! res.ok() ) throw new Error( `user create failed: ${ res.status() } ${ await res.text() }` );
	const { id } = ( await res.json() ) as { id: number };
	await rest.dispose();
	return id;
}

/** The newest code the idp's console connector sent to a phone number. */
export async function smsCode( phone: string, after = 0 ): Promise< string > {
	const outbox = process.env.E2E_SMS_OUTBOX as string;
	for ( let i = 0; i < 50; i++ ) {
		if ( existsSync( outbox ) ) {
			const hit = readFileSync( outbox, 'utf8' )
				.trim()
				.split( '\n' )
				.map( ( l ) => JSON.parse( l ) as { to: string; code: string; at: string } )
				.reverse()
				.find( ( m ) => m.to === phone && Date.parse( m.at ) >= after );
			if ( hit ) return hit.code;
		}
		await new Promise( ( r ) => setTimeout( r, 100 ) );
	}
	throw new Error( `no SMS to ${ phone }` );
}

/**
 * On wp-login.php, as a person would: once WordPress has put the focus in the username field
 * (its script does so 200 ms after load; a fill racing it can have its text land there), types
 * the username and password and logs in.
 */
export async function submitPasswordForm( page: Page, username: string, password: string ) {
	const user = page.getByLabel( 'Username or Email Address' );
	await expect( user ).toBeFocused();
	await user.fill( username );
	await page.getByLabel( 'Password', { exact: true } ).fill( password );
	await page.getByRole( 'button', { name: 'Log In' } ).click();
}

/** A spec's settings: set before its tests, and everything editable put back after them. */
export function withSettings( settings: Record< string, unknown > ) {
	restoreSettingsAfterAll();
	test.beforeAll( async () => {
		await updateSettings( settings );
	} );
}

/**
 * A REST client signed in as a user made by createUser() (wp-login.php's password form), with
 * core's REST nonce; fails the test when the password is refused.
 */
export async function passwordRest( username: string ): Promise< APIRequestContext & { nonce: string } > {
	const ctx = await request.newContext( { baseURL: wpUrl() } );
	const login = await ctx.post( '/wp-login.php', {
		form: { log: username, pwd: `${ username }-Wp-Password-1`, 'wp-submit': 'Log In', testcookie: '1' },
		headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
		maxRedirects: 0,
	} );
	expect( login.status(), `${ username } signs in with a password` ).toBe( 302 );
	const nonce = await ( await ctx.get( '/wp-admin/admin-ajax.php?action=rest-nonce' ) ).text();
	return Object.assign( ctx, { nonce } );
}
