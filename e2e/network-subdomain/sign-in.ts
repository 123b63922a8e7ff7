import type { Page } from '@playwright/test';

import { expect } from '../support/test';
import { idpUrl, smsCode } from '../support/wordpress';

/** At Logto's general sign-in screen: a known number types in and verifies its SMS code. */
export async function completeSignIn( page: Page, phone: string ) {
	await expect( page ).toHaveURL( new RegExp( `^${ idpUrl() }/interaction/` ) );
	const since = Date.now();
	await page.getByLabel( 'Phone number' ).fill( phone );
	await page.getByRole( 'button', { name: 'Send code' } ).click();
	await page.getByLabel( 'Verification code' ).fill( await smsCode( phone, since ) );
	await page.getByRole( 'button', { name: 'Continue' } ).click();
}
