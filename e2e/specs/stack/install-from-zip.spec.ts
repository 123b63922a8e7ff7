import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { chownForRoot } from '../../../scripts/lib/native/system-user.mjs';
import { repoRoot } from '../../../scripts/lib/paths.mjs';
import { pluginZipProblems, writePluginZip } from '../../../scripts/lib/plugin-zip.mjs';
import { e2eDataDir } from '../../../scripts/lib/stack.mjs';
import { completePhoneVerification, newPhone, startPhoneSignIn } from '../../support/logto';
import { expect, test } from '../../support/test';
import type { Browser, Page } from '@playwright/test';
import { adminRest, findUserByPhone, updateSettings, withSettings, wpDir, wpUrl } from '../../support/wordpress';

// The rest of the suite runs the plugin linked from plugin/ (fast to change); this spec installs
// what a site owner installs: the zip `npm run dist` writes, uploaded in wp-admin.
const plugins = () => join( wpDir(), 'wp-content', 'plugins' );
const installed = () => join( plugins(), 'logto-bridge' );

/** Release 0.1.0's zip, as published: the site an upgrade starts from. */
const PREVIOUS_ZIP = join( repoRoot, 'e2e', 'fixtures', 'releases', 'logto-bridge-0.1.0.zip' );

/** Plugins > Add New > Upload Plugin, as an administrator does it. */
async function uploadZip( page: Page, zip: string ) {
	await page.goto( '/wp-admin/plugin-install.php' );
	await page.getByRole( 'button', { name: 'Upload Plugin' } ).click();
	await page.locator( 'input#pluginzip' ).setInputFiles( zip );
	await page.getByRole( 'button', { name: 'Install Now' } ).click();
}

/** Over an installed copy: WordPress compares the two, and the admin replaces it. */
async function replaceWithZip( page: Page, zip: string ) {
	await uploadZip( page, zip );
	await expect( page.getByRole( 'heading', { name: 'This plugin is already installed.' } ) ).toBeVisible();
	await page.getByRole( 'link', { name: 'Replace current with uploaded' } ).click();
	await expect( page.getByText( /^Plugin (updated|downgraded) successfully\.$/ ) ).toBeVisible();
}

/** A visitor signs in by phone on wp-login.php (phone mode) in a browser of their own; `create` when the number is new. */
async function visitorSignsIn( browser: Browser, phone: string, create: boolean ) {
	const context = await browser.newContext( { baseURL: wpUrl() } );
	const visitor = await context.newPage();
	await startPhoneSignIn( visitor, phone );
	await completePhoneVerification( visitor, phone, Date.now() - 1000 );
	if ( create ) await visitor.getByRole( 'button', { name: 'Continue' } ).click();
	await expect( visitor ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ) );
	await context.close();
}

/** POSTs to one of the test-only admin routes (e2e/fixtures/mu-plugins). */
async function testRoute( path: string, data: Record< string, unknown > = {} ) {
	const rest = await adminRest();
	const res = await rest.post( `/wp-json/logto-bridge-test/v1/${ path }`, { headers: { 'X-WP-Nonce': rest.nonce }, data } );
	expect( res.status(), path ).toBe( 200 );
	const body = await res.json();
	await rest.dispose();
	return body as Record< string, unknown >;
}

/**
 * Fresh PHP workers, as after a deploy. Each php-fpm worker remembers where a path led (PHP's
 * realpath cache, up to 2 minutes): after the link to plugin/ is swapped for a real folder it
 * would go on reading the plugin's files through the old link. A real site has no such link.
 */
async function restartPhpWorkers() {
	process.kill( ( JSON.parse( process.env.E2E_STACK_PIDS as string ) as Record< string, number > )[ 'php-fpm' ]!, 'SIGUSR2' );
	await expect.poll( async () => ( await fetch( `${ wpUrl() }/wp-login.php` ).catch( () => undefined ) )?.status, { timeout: 15_000 } ).toBe( 200 );
}

/** Puts the link to plugin/ back, whatever the spec left there. */
async function relinkSource() {
	rmSync( installed(), { recursive: true, force: true } );
	symlinkSync( join( repoRoot, 'plugin' ), installed() );
	await restartPhpWorkers();
}

test.describe( 'native runtime only: installed from the release zip', () => {
	test.skip( process.env.WP_RUNTIME !== 'native', 'the plugin folder is replaced on disk, which Playground mounts read-only from plugin/' );
	test.describe.configure( { mode: 'serial' } );
	withSettings( { login_mode: 'phone', create_users: true, default_role: 'subscriber' } );
	test.afterAll( relinkSource );

	test( 'an administrator uploads the zip in Plugins > Add New, activates it, opens Logto > Settings, and a visitor signs in by phone', async ( { adminPage: page, browser } ) => {
		const zip = writePluginZip( join( e2eDataDir, 'dist' ) );
		expect( pluginZipProblems( zip ) ).toEqual( [] );
		// WordPress (php-fpm's account when the stack runs as root) writes the plugin and its work folder.
		mkdirSync( join( wpDir(), 'wp-content', 'upgrade' ), { recursive: true } );
		chownForRoot( 'www-data', plugins(), join( wpDir(), 'wp-content', 'upgrade' ) );

		// A site without the plugin: deactivated in wp-admin, its folder gone (the link, not plugin/).
		await page.goto( '/wp-admin/plugins.php' );
		await page.locator( 'tr[data-plugin="logto-bridge/logto-bridge.php"]' ).getByRole( 'link', { name: /^Deactivate/ } ).click();
		await expect( page.getByText( 'Plugin deactivated.' ) ).toBeVisible();
		expect( lstatSync( installed() ).isSymbolicLink() ).toBe( true );
		rmSync( installed() );
		await restartPhpWorkers();

		await uploadZip( page, zip );
		await expect( page.getByText( 'Plugin installed successfully.' ) ).toBeVisible();
		await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
		await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();
		const row = page.locator( 'tr[data-plugin="logto-bridge/logto-bridge.php"]' );
		const { version } = JSON.parse( readFileSync( join( repoRoot, 'package.json' ), 'utf8' ) ) as { version: string };
		await expect( row ).toContainText( `Version ${ version }` );

		// What WordPress unpacked is the release: a real folder, the built assets, no sources or tests.
		expect( lstatSync( installed() ).isSymbolicLink() ).toBe( false );
		expect( readdirSync( installed() ).sort() ).toEqual( [ 'assets', 'build', 'includes', 'languages', 'logto-bridge.php', 'readme.txt', 'uninstall.php' ] );
		expect( existsSync( join( installed(), 'build', 'settings', 'index.js' ) ) ).toBe( true );

		await page.getByRole( 'navigation', { name: 'Main menu' } ).getByRole( 'link', { name: 'Logto', exact: true } ).click();
		await expect( page.getByRole( 'heading', { level: 1, name: 'Logto settings' } ) ).toBeVisible();
		await expect( page.getByLabel( 'Logto endpoint' ) ).toHaveValue( process.env.E2E_IDP_URL as string );

		const phone = newPhone();
		await visitorSignsIn( browser, phone, true );
		expect( ( await findUserByPhone( phone ) )?.roles ).toEqual( [ 'subscriber' ] );
	} );

	test( 'a site run by 0.1.0 upgrades in place from the new zip: its members sign in as before, and a setting 0.1.0 wrongly took is reset with a notice', async ( { adminPage: page, browser } ) => {
		// The site as 0.1.0 ran it: its published zip installed, its own code writing the data.
		await replaceWithZip( page, PREVIOUS_ZIP );
		await page.goto( '/wp-admin/plugins.php' );
		await expect( page.locator( 'tr[data-plugin="logto-bridge/logto-bridge.php"]' ) ).toContainText( 'Version 0.1.0' );
		await testRoute( 'as-0-1-0', { redirect_after: '' } );
		const phone = newPhone();
		await visitorSignsIn( browser, phone, true );
		const member = await findUserByPhone( phone );
		expect( member ).toBeTruthy();
		// 0.1.0's screen took a page of another site here (fixed since): the upgrade must not keep it.
		await testRoute( 'as-0-1-0', { redirect_after: 'https://elsewhere.example/welcome' } );
		expect( await testRoute( 'plugin-data' ) ).toMatchObject( { schema: null, redirect_after: 'https://elsewhere.example/welcome' } );

		const zip = writePluginZip( join( e2eDataDir, 'dist' ) );
		await replaceWithZip( page, zip );
		const data = await testRoute( 'plugin-data' );
		expect( data ).toMatchObject( { schema: '2', redirect_after: null } );
		expect( Object.keys( data.reset as object ) ).toEqual( [ 'redirect_after' ] );
		await page.goto( '/wp-admin/' );
		const notice = page.locator( '.notice-warning', { hasText: 'Logto Bridge was updated.' } );
		await expect( notice ).toContainText( ( data.reset as { redirect_after: string } ).redirect_after );

		// The member 0.1.0 created signs in as the same user, and lands on this site.
		await visitorSignsIn( browser, phone, false );
		expect( ( await findUserByPhone( phone ) )?.id ).toBe( member!.id );
		// Saving the settings is the admin's answer: the notice goes.
		await updateSettings( {} );
		await page.reload();
		await expect( notice ).toHaveCount( 0 );
	} );
} );
