import { Browser, formAction, lastCode, signInUrl, type System } from '@logto-bridge/testkit';

/**
 * A new phone number signs up through Logto, the sign-in started on bridge `start` and its
 * callback sent (as a load balancer might) to bridge `callback`: the ticket WordPress gets.
 */
export async function crossSignIn(sys: System, start: string, callback: string, phone: string): Promise<string> {
	const browser = new Browser();
	const idp = sys.idp.url;
	const first = await browser.follow(signInUrl(start, { phone }));
	const code = await browser.follow(`${idp}${formAction(first.html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
	const confirm = await browser.follow(`${idp}${formAction(code.html, '/code')}`, undefined, { form: { code: lastCode(sys.idp.config.sms.outbox, phone) } });
	const back = new URL((await browser.follow(`${idp}${formAction(confirm.html, '/register')}`, (u) => u.includes('/callback?'), { form: {} })).url);
	back.port = new URL(callback).port;
	const landed = await browser.follow(back.href, (u) => u.includes('/wp-login.php'));
	const ticket = new URL(landed.url).searchParams.get('ticket');
	if (!ticket) throw new Error(`expected a ticket, got ${landed.url}`);
	return ticket;
}
