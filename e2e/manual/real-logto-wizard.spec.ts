import { readFileSync } from 'node:fs';

import type { Page } from '@playwright/test';

import { expect, test } from '../support/test';
import { allUsers, restoreSettingsAfterAll, updateSettings, wpUrl } from '../support/wordpress';

// Manual (not in npm test): "Set up Logto for me" in Chromium against a real Logto 1.37 built and
// started as ../shared/real-logto.md describes, from a self-hosted Logto's own default sign-up
// (username + password) with one username user of before, to a new phone visitor signed in to
// WordPress with the number and the code alone. Logto's mock SMS connector stands in for a
// provider (the only SMS connector that guide builds; it writes each code to a file).
// Run: node e2e/run.mjs --config manual/playwright.config.ts
const LOGTO = process.env.LOGTO_ENDPOINT ?? 'http://127.0.0.1:3301';
const M2M = { id: process.env.LOGTO_M2M_ID ?? 'm2madminreallogto', secret: process.env.LOGTO_M2M_SECRET ?? 'm2msecretreallogto0123456789abcdef' };
const SMS_RECORD = '/tmp/logto_mock_sms_record.txt';

async function management( path: string, method = 'GET', body?: unknown ) {
	const form = new URLSearchParams( { grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' } );
	const auth = `Basic ${ Buffer.from( `${ M2M.id }:${ M2M.secret }` ).toString( 'base64' ) }`;
	const { access_token: token } = ( await ( await fetch( `${ LOGTO }/oidc/token`, { method: 'POST', headers: { authorization: auth }, body: form } ) ).json() ) as { access_token: string };
	const res = await fetch( `${ LOGTO }/api${ path }`, { method, headers: { authorization: `Bearer ${ token }`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify( body ) } );
	const text = await res.text();
	return text ? JSON.parse( text ) : null;
}

const lastSmsCode = () => ( JSON.parse( readFileSync( SMS_RECORD, 'utf8' ) ) as { code: string } ).code;
const effort = { fields: 0, clicks: 0 };
const card = ( page: Page ) => page.locator( '.logto-bridge-setup' );
async function fill( page: Page, label: string, value: string ) {
	await card( page ).getByLabel( label, { exact: true } ).fill( value );
	effort.fields++;
}
async function click( page: Page, name: string ) {
	await card( page ).getByRole( 'button', { name, exact: true } ).click();
	effort.clicks++;
}

test.describe( 'real Logto: the wizard from its own default sign-up to a phone visitor signed in', () => {
	restoreSettingsAfterAll();
	test.beforeAll( async () => {
		// Logto's seed default for a self-hosted tenant, whatever an earlier run left.
		await management( '/sign-in-exp', 'PATCH', {
			signUp: { identifiers: [ 'username' ], password: true, verify: false },
			signIn: { methods: [ { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true } ] },
			signInMode: 'SignInAndRegister',
		} );
		if ( ! ( ( await management( '/connectors' ) ) as Array< { type: string } > ).some( ( c ) => c.type === 'Sms' ) ) {
			const templates = [ 'SignIn', 'Register', 'ForgotPassword', 'Generic' ].map( ( usageType ) => ( { usageType, content: '{{code}}' } ) );
			await management( '/connectors', 'POST', { connectorId: 'mock-short-message-service', config: { accountSID: 'x', authToken: 'x', fromMessagingServiceSID: 'x', templates } } );
		}
		await management( '/users', 'POST', { username: `before${ Date.now() % 100000 }`, password: 'Correct-Horse-42!' } );
		await updateSettings( { endpoint: '', app_id: '', app_secret: '', login_mode: 'buttons', create_users: true, role_mapping: [] } );
	} );

	test( 'wizard, then a new phone visitor with the number and the code alone', async ( { adminPage: page, browser } ) => {
		const started = Date.now();
		await page.goto( '/wp-admin/admin.php?page=logto-bridge' );
		await click( page, 'Start' );
		await fill( page, 'Logto endpoint', LOGTO );
		await fill( page, 'Machine-to-machine app ID', M2M.id );
		await fill( page, 'Machine-to-machine app secret', M2M.secret );
		await click( page, 'Connect' );
		// A run before on this site left its app (marked for the site) in Logto: then it is used.
		const create = card( page ).getByRole( 'button', { name: /^(Create the WordPress application|Use this application)$/ } );
		await create.click();
		effort.clicks++;
		await expect( card( page ).getByText( /is ready; its app ID and secret are saved|in Logto: nothing to change/ ) ).toBeVisible();

		const plan = page.locator( '.logto-bridge-setup__before-after' );
		await expect( plan ).toContainText( 'A new visitor who types a phone number cannot sign up with a phone number.' );
		const choose = card( page ).getByLabel( 'The number and the code are enough (recommended)' );
		if ( await choose.isVisible() ) {
			await choose.check();
			effort.clicks++;
		}
		const planText = await card( page ).locator( '.logto-bridge-setup__consequences' ).allInnerTexts();
		await card( page ).getByLabel( 'I confirm: replace what Logto has' ).last().check();
		effort.clicks++;
		await click( page, 'Turn on phone sign-in' );
		await expect( card( page ).getByText( /Phone sign-in is on\. A new visitor who types a phone number types the number and the SMS code; nothing else is asked\./ ) ).toBeVisible();
		await click( page, 'Finish' );
		await expect( card( page ).getByText( 'wp-login.php now offers the phone number field.' ) ).toBeVisible();
		const wizardDone = Date.now();

		const phone = `+86138${ String( Date.now() ).slice( -8 ) }`;
		const visitor = await browser.newContext();
		const v = await visitor.newPage();
		await v.goto( `${ wpUrl() }/wp-login.php` );
		await v.getByLabel( 'Phone number' ).fill( phone );
		await v.getByRole( 'button', { name: 'Continue with phone' } ).click();
		await expect( v ).toHaveURL( new RegExp( `^${ LOGTO }/` ) );
		// The country selector and the number as login_hint filled them: +86 and the national number.
		const input = v.locator( 'input[name="identifier"]' );
		await expect( input ).toHaveValue( phone.slice( 3 ) );
		await expect( v.getByRole( 'button', { name: '+86' } ) ).toBeVisible();
		await v.locator( 'button[type="submit"]' ).click();
		await v.locator( 'input' ).first().click();
		await expect.poll( () => { try { return readFileSync( SMS_RECORD, 'utf8' ).includes( phone.slice( 1 ) ); } catch { return false; } } ).toBe( true );
		await v.keyboard.type( lastSmsCode() );
		// Logto submits the sixth digit itself, then asks before creating the account.
		await expect( v.getByRole( 'dialog' ) ).toContainText( `No account found for +86 ${ phone.slice( 3 ) }. Create a new one?` );
		await v.getByRole( 'dialog' ).getByRole( 'button', { name: 'Continue', exact: true } ).click();
		await expect( v ).toHaveURL( new RegExp( `^${ wpUrl() }/wp-admin/` ), { timeout: 30_000 } );
		const signedIn = Date.now();
		await visitor.close();
		const user = ( await allUsers() ).find( ( u ) => u.meta.logto_phone === phone );
		expect( user ).toBeTruthy();
		console.log( JSON.stringify( { planText, fields: effort.fields, clicks: effort.clicks, wizardSeconds: ( wizardDone - started ) / 1000, freshToSignedInSeconds: ( signedIn - started ) / 1000, user: user?.username } ) );
	} );
} );
