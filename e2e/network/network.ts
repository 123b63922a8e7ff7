import { join } from 'node:path';

import { request, type Page } from '@playwright/test';

import { queryMariaDb } from '../../scripts/lib/native/mariadb.mjs';
import { userIdsWithPhone } from '../many-sites/sites';
import { admin } from '../support/wordpress';

type NetworkRun = { url: string; bridgeUrl: string; dbDir: string; logDir: string; coreDir: string; subdomain?: boolean };
const run = () => JSON.parse( process.env.E2E_NETWORK as string ) as NetworkRun;

/** The network's sites: the main one (blog 1) and /b/ (2), /c/ (3), or b.<host> and c.<host> on a subdomain network. */
export const sites = () => {
	const { url, subdomain } = run();
	const at = ( name: string ) => ( subdomain ? url.replace( '://', `://${ name }.` ) : `${ url }/${ name }` );
	return { main: { url, blog: 1 }, b: { url: at( 'b' ), blog: 2 }, c: { url: at( 'c' ), blog: 3 } };
};
export type NetworkSite = ReturnType< typeof sites >[ 'main' ];
export const bridgeUrl = () => run().bridgeUrl;
/** The network's WordPress files. */
export const coreDir = () => run().coreDir;

/** A query against the network's MariaDB (as root, through its socket), tab-separated. */
export const sql = ( statement: string ) => queryMariaDb( join( run().dbDir, 'mariadb' ), statement );

/** The network's users whose verified Logto phone is `phone`: their IDs. */
export const usersWithPhone = ( phone: string ) => userIdsWithPhone( sql, phone );

/** A user's roles on one site of the network ([] when not a member there), from its capabilities meta. */
export function rolesOn( userId: string, site: NetworkSite ): string[] {
	const key = site.blog === 1 ? 'wp_capabilities' : `wp_${ site.blog }_capabilities`;
	const value = sql( `SELECT meta_value FROM wp_usermeta WHERE user_id = ${ Number( userId ) } AND meta_key = '${ key }'` );
	return [ ...value.matchAll( /s:\d+:"([^"]+)";b:1;/g ) ].map( ( m ) => m[ 1 ]! );
}

/** The super admin (the network's `admin`), signed in by password, with one site's REST nonce. */
export async function superAdminRest( site: NetworkSite ) {
	const ctx = await request.newContext( { ignoreHTTPSErrors: false } );
	const login = await ctx.post( `${ sites().main.url }/wp-login.php`, {
		form: { log: admin.username, pwd: admin.password, 'wp-submit': 'Log In', testcookie: '1', logto_break_glass: '1' },
		headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
		maxRedirects: 0,
	} );
	if ( login.status() !== 302 ) throw new Error( `the super admin did not sign in: ${ login.status() }` );
	const nonce = await ( await ctx.get( `${ site.url }/wp-admin/admin-ajax.php?action=rest-nonce` ) ).text();
	return Object.assign( ctx, { nonce } );
}

/** Saves one site's own Logto settings as the super admin (REST, with that site's nonce). */
export async function saveSiteSettings( site: NetworkSite, data: Record< string, unknown > ) {
	const rest = await superAdminRest( site );
	const res = await rest.post( `${ site.url }/wp-json/logto-bridge/v1/settings`, { data, headers: { 'X-WP-Nonce': rest.nonce } } );
	const answer = `${ res.status() } ${ await res.text() }`;
	await rest.dispose();
	if ( res.status() !== 200 ) throw new Error( `saving ${ site.url }'s settings: ${ answer }` );
}

/** One site's option, as stored (serialized), '' when none. */
export const siteOption = ( site: NetworkSite, name: string ) =>
	sql( `SELECT option_value FROM ${ site.blog === 1 ? 'wp_options' : `wp_${ site.blog }_options` } WHERE option_name = '${ name }'` );

/** The network's Logto settings, as stored (serialized). */
export const networkOption = () => sql( "SELECT meta_value FROM wp_sitemeta WHERE meta_key = 'logto_bridge_network_settings'" );

/** The network's Logto app ID, read from its stored settings. */
export const networkAppId = () => /s:6:"app_id";s:\d+:"([^"]+)"/.exec( networkOption() )?.[ 1 ];

/** The page's browser signed in as the super admin (the password form's break-glass). */
export async function signInAsSuperAdmin( page: Page ) {
	const login = await page.request.post( `${ sites().main.url }/wp-login.php`, {
		form: { log: admin.username, pwd: admin.password, 'wp-submit': 'Log In', testcookie: '1', logto_break_glass: '1' },
		headers: { cookie: 'wordpress_test_cookie=WP%20Cookie%20check' },
		maxRedirects: 0,
	} );
	if ( login.status() !== 302 ) throw new Error( `the super admin did not sign in: ${ login.status() }` );
}
