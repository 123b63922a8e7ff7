// A new visitor signing up by phone from wp-login.php over HTTP (no Chromium), for load: the e2e
// load test and bench/wp-load.ts. Only the Browser and page helpers: nothing of the bridge or idp.
import { Browser } from './browser.js';
import { formAction, lastCode } from './pages.js';

/**
 * Types `phone` on wp-login.php, verifies the SMS code at the idp, accepts "create a new
 * account", and follows every redirect (up to `stopAt`, e.g. WordPress's callback with the
 * ticket); returns where the visitor ended up and their browser.
 */
export async function phoneSignUp(site: { wpUrl: string; idpUrl: string; outbox: string }, phone: string, stopAt?: (url: string) => boolean): Promise<{ url: string; status: number; browser: Browser }> {
	const browser = new Browser();
	const phonePage = await browser.follow(`${site.wpUrl}/wp-login.php?action=logto-sign-in&phone=${encodeURIComponent(phone)}`);
	const codePage = await browser.follow(`${site.idpUrl}${formAction(phonePage.html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
	let page = await browser.follow(`${site.idpUrl}${formAction(codePage.html, '/code')}`, stopAt, { form: { code: lastCode(site.outbox, phone) } });
	if (page.url.startsWith(site.idpUrl) && page.html.includes('/register')) {
		page = await browser.follow(`${site.idpUrl}${formAction(page.html, '/register')}`, stopAt, { form: {} });
	}
	return { url: page.url, status: page.status, browser };
}
