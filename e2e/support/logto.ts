import type { Page } from '@playwright/test';

import { expect } from './test';
import { idpUrl, smsCode } from './wordpress';

let phonesMade = 0;

/**
 * A mobile number (+86 137…) no other test of this run, nor of an earlier run on the same stack,
 * has used: seconds since the epoch (mod 10^5), the worker, and a counter.
 */
export function newPhone(): string {
	const seconds = Math.floor( Date.now() / 1000 ) % 100_000;
	const worker = Number( process.env.TEST_PARALLEL_INDEX ?? 0 ) % 10;
	phonesMade = ( phonesMade + 1 ) % 100;
	return `+86137${ String( seconds ).padStart( 5, '0' ) }${ worker }${ String( phonesMade ).padStart( 2, '0' ) }`;
}

/** From wp-login.php in phone mode: types the number and goes to Logto. */
export async function startPhoneSignIn( page: Page, phone: string ) {
	await page.goto( '/wp-login.php' );
	await page.getByLabel( 'Phone number' ).fill( phone );
	await page.getByRole( 'button', { name: 'Continue with phone' } ).click();
}

/** On the idp's code screen: read the SMS from the outbox and enter it (sign-up is not accepted here). */
export async function completePhoneVerification( page: Page, phone: string, since: number ) {
	await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
	await expect( page.getByLabel( 'Phone number' ) ).toHaveValue( phone );
	await page.getByRole( 'button', { name: 'Send code' } ).click();
	await page.getByLabel( 'Verification code' ).fill( await smsCode( phone, since ) );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
}

/** On the idp's general sign-in screen: a number types in and verifies its SMS code (a known one is then signed in). */
export async function signInWithPhone( page: Page, phone: string ) {
	await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
	const since = Date.now();
	await page.getByLabel( 'Phone number' ).fill( phone );
	await page.getByRole( 'button', { name: 'Send code' } ).click();
	await page.getByLabel( 'Verification code' ).fill( await smsCode( phone, since ) );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
}

/** The same for a new number, which then creates its account. */
export async function signUpWithPhone( page: Page, phone: string ) {
	await signInWithPhone( page, phone );
	// "No account found ...; create a new one?"
	await page.getByRole( 'button', { name: 'Continue' } ).click();
}
