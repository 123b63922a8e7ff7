import type { Page } from '@playwright/test';

import { expect } from './test';
import { idpUrl, smsCode } from './wordpress';

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

/** On the idp's general sign-in screen: a new number types in, verifies its SMS code and creates its account. */
export async function signUpWithPhone( page: Page, phone: string ) {
	await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
	const since = Date.now();
	await page.getByLabel( 'Phone number' ).fill( phone );
	await page.getByRole( 'button', { name: 'Send code' } ).click();
	await page.getByLabel( 'Verification code' ).fill( await smsCode( phone, since ) );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
	// "No account found ...; create a new one?"
	await page.getByRole( 'button', { name: 'Continue' } ).click();
}
