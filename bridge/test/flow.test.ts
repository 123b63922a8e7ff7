import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { BINDING, Browser, errorOf, formAction, lastCode, redeem, signInByPhone, signInUrl, startSystem, type System, ticketOf } from '@logto-bridge/testkit';

import { ticketKey } from '../src/tickets.js';
import { restEndpoint } from '../src/wordpress.js';

let sys: System;
let bridge: string;
let wp: string;

before(async () => {
	sys = await startSystem();
	bridge = sys.bridges[0]!.url;
	wp = sys.wp.url;
});
after(() => sys.stop());

const isWordPress = (u: string) => u.startsWith(`${wp}/wp-login.php`);

const phoneSignIn = (browser: Browser, phone: string, returnTo = `${wp}/welcome/`) => signInByPhone(sys, browser, phone, returnTo);

test('a phone sign-in lands on the WordPress callback with a ticket that redeems once', async () => {
	const browser = new Browser();
	const landed = await phoneSignIn(browser, '+8613800138000');
	assert.match(landed, /wp-login\.php\?action=logto-callback&ticket=[\w-]{43}&sealed=s1\.[\w-]+$/);
	assert.doesNotMatch(landed, /8613800138000/, 'no personal data in the URL');
	const ticket = ticketOf(landed)!;
	const first = await redeem(bridge, ticket);
	assert.equal(first.status, 200);
	const body = (await first.json()) as { claims: Record<string, unknown>; id_token: string; return_to: string };
	assert.equal(body.claims.phone_number, '8613800138000');
	assert.equal(body.claims.phone_number_verified, true);
	assert.equal(body.claims.email, null);
	assert.ok(body.claims.sid, 'sid is passed on for back-channel logout');
	assert.equal(body.return_to, `${wp}/welcome/`);
	assert.equal((body as { binding?: string }).binding, BINDING, 'WordPress gets the binding back to check against its cookie');
	assert.equal(body.id_token.split('.').length, 3);
	assert.equal((await redeem(bridge, ticket)).status, 410, 'a second redeem is refused');
});

test('an expired ticket gets 410', async () => {
	const ticket = 'A'.repeat(43);
	await sys.bridges[0]!.store.set(ticketKey(ticket), JSON.stringify({ claims: {}, id_token: 'x', return_to: wp, flow: 't' }), 1);
	await new Promise((r) => setTimeout(r, 1100));
	assert.equal((await redeem(bridge, ticket)).status, 410);
	assert.equal((await redeem(bridge, 'unknown'.padEnd(43, 'x'))).status, 410);
});

test('a tampered state, a replayed callback and a wrong iss are refused without a ticket', async () => {
	const browser = new Browser();
	const start = await browser.follow(signInUrl(bridge, { phone: '+8613912345602' }));
	const idp = sys.idp.url;
	const codePage = await browser.follow(`${idp}${formAction(start.html, '/phone')}`, undefined, { form: { phone: '+8613912345602', intent: 'sign_in' } });
	const confirm = await browser.follow(`${idp}${formAction(codePage.html, '/code')}`, undefined, { form: { code: lastCode(sys.idp.config.sms.outbox, '+8613912345602') } });
	const callback = await browser.follow(`${idp}${formAction(confirm.html, '/register')}`, (u) => u.startsWith(`${bridge}/callback`), { form: {} });
	const good = new URL(callback.url);

	const tampered = new URL(good);
	tampered.searchParams.set('state', 'forged-state');
	assert.equal(errorOf((await browser.follow(tampered.href, isWordPress)).url), 'state_mismatch');

	const wrongIss = new URL(good);
	wrongIss.searchParams.set('iss', 'http://127.0.0.1:1/oidc');
	// The tampered attempt did not consume the pending sign-in; a wrong iss is refused on its own.
	assert.equal(errorOf((await browser.follow(wrongIss.href, isWordPress)).url), 'issuer_mismatch');

	// The pending sign-in was consumed by that attempt, so even the genuine URL is now a replay.
	assert.equal(errorOf((await browser.follow(good.href, isWordPress)).url), 'state_mismatch');
});

test('a completed callback replayed later is refused', async () => {
	const browser = new Browser();
	const start = await browser.follow(signInUrl(bridge));
	const page = await browser.follow(`${sys.idp.url}${formAction(start.html, '/password')}`, (u) => u.startsWith(`${bridge}/callback`), {
		form: { username: 'ed', password: 'editor-password-123' },
	});
	assert.ok(ticketOf((await browser.follow(page.url, isWordPress)).url), 'first use works');
	assert.equal(errorOf((await browser.follow(page.url, isWordPress)).url), 'state_mismatch', 'second use is a replay');
});

test('cancelling at the idp comes back as logto_error=cancelled', async () => {
	const browser = new Browser();
	const start = await browser.follow(signInUrl(bridge));
	const abort = start.html.match(/href="(\/interaction\/[^"]+\/abort)"/)![1]!;
	const res = await browser.follow(`${sys.idp.url}${abort}`, isWordPress);
	assert.equal(errorOf(res.url), 'cancelled');
});

test('an invalid phone and every open-redirect variant are refused before Logto', async () => {
	const browser = new Browser();
	const bad = await browser.follow(signInUrl(bridge, { phone: '+86 12' }), isWordPress);
	assert.equal(errorOf(bad.url), 'invalid_phone');
	for (const target of ['//evil.com', 'https://evil.com', 'javascript:alert(1)', '/\\evil.com', `${wp}@evil.com`, 'http:%2F%2Fevil.com', `http://u:p@${new URL(wp).host}/`]) {
		const res = await browser.request(signInUrl(bridge, { returnTo: target }));
		assert.equal(res.status, 303, target);
		assert.equal(res.headers.get('location'), `${wp}/wp-login.php?logto_error=invalid_return_to`, target);
	}
});

test('without a phone, prompt=login only for a fresh sign-in; without a binding, no sign-in starts', async () => {
	const plain = new URL((await new Browser().request(signInUrl(bridge))).headers.get('location')!);
	assert.equal(plain.searchParams.get('prompt'), null, 'a plain sign-in reuses a live Logto session');
	const fresh = new URL((await new Browser().request(signInUrl(bridge, { fresh: true }))).headers.get('location')!);
	assert.equal(fresh.searchParams.get('prompt'), 'login');
	for (const query of ['', '?binding=', `?binding=${'A'.repeat(64)}`, `?binding=${BINDING}0`]) {
		const res = await new Browser().request(`${bridge}/sign-in${query}`);
		assert.equal(res.headers.get('location'), `${wp}/wp-login.php?logto_error=browser_mismatch`, query);
	}
});

test('a number verified at Logto that is not the typed one comes back refused, with no claims', async () => {
	const browser = new Browser();
	const typed = '+8613912345620';
	const other = '+8613912345621';
	const start = await browser.follow(signInUrl(bridge, { phone: typed }));
	// At Logto the visitor changes the number and verifies another one.
	const idp = sys.idp.url;
	const codePage = await browser.follow(`${idp}${formAction(start.html, '/phone')}`, undefined, { form: { phone: other, intent: 'sign_in' } });
	const confirm = await browser.follow(`${idp}${formAction(codePage.html, '/code')}`, undefined, { form: { code: lastCode(sys.idp.config.sms.outbox, other) } });
	const landed = await browser.follow(`${idp}${formAction(confirm.html, '/register')}`, isWordPress, { form: {} });
	const body = (await (await redeem(bridge, ticketOf(landed.url)!)).json()) as Record<string, unknown>;
	assert.equal(body.refused, 'phone_mismatch');
	assert.equal(body.verified_phone, other, 'WordPress can say which number was verified');
	assert.equal(body.claims, undefined, 'nothing to sign in with');
	assert.equal(body.binding, BINDING);
});

test('sign-out refuses a return_to off the site with the same wp-login.php code as sign-in', async () => {
	const res = await new Browser().request(`${bridge}/sign-out?return_to=${encodeURIComponent('https://evil.com/')}`);
	assert.equal(res.status, 303);
	assert.equal(res.headers.get('location'), `${wp}/wp-login.php?logto_error=invalid_return_to`);
});

test('the phone redirect carries Logto params and the site defaults are validated', async () => {
	const res = await new Browser().request(signInUrl(bridge, { phone: '+8613800138000' }));
	const url = new URL(res.headers.get('location')!);
	assert.equal(url.origin + url.pathname, `${sys.idp.url}/oidc/auth`);
	assert.equal(url.searchParams.get('login_hint'), '+8613800138000');
	assert.equal(url.searchParams.get('first_screen'), 'identifier:sign_in');
	assert.equal(url.searchParams.get('identifier'), 'phone');
	assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
	assert.equal(url.searchParams.get('prompt'), 'login', 'a live Logto session of another account must not answer for the typed number');
	assert.ok(url.searchParams.get('state') && url.searchParams.get('nonce'));
	const cookie = res.headers.get('set-cookie')!;
	assert.match(cookie, /HttpOnly/i);
	assert.match(cookie, /SameSite=Lax/i);
});

test('every sign-in start gets a fresh pending id: a planted one is not taken, the previous attempt ends', async () => {
	const cookieOf = (res: Response) => /^logto_bridge\.signin=(s%3A[\w-]{43}\.[^;]+);/.exec(res.headers.getSetCookie().join('\n'))?.[1];
	const stateOf = (res: Response) => new URL(res.headers.get('location')!).searchParams.get('state')!;
	const planted = 'P'.repeat(43);
	const viaPlanted = await fetch(signInUrl(bridge), { redirect: 'manual', headers: { cookie: `logto_bridge.signin=${planted}` } });
	assert.notEqual(cookieOf(viaPlanted), planted, 'no fixation: the id the browser sent is never used');

	const browser = new Browser();
	const first = await browser.request(signInUrl(bridge));
	const second = await browser.request(signInUrl(bridge));
	assert.ok(cookieOf(first) && cookieOf(second) && cookieOf(first) !== cookieOf(second));
	const issuer = `${sys.idp.url}/oidc`;
	for (const id of [cookieOf(first)!, cookieOf(second)!]) {
		const res = await fetch(`${bridge}/callback?code=x&state=${stateOf(first)}&iss=${encodeURIComponent(issuer)}`, {
			redirect: 'manual',
			headers: { cookie: `logto_bridge.signin=${id}` },
		});
		assert.equal(errorOf(res.headers.get('location')!), 'state_mismatch', 'the first attempt is gone with either cookie');
	}
});

test('back-channel logout from the idp reaches WordPress with sub and sid', async () => {
	const browser = new Browser();
	const landed = await phoneSignIn(browser, '+8613912345604');
	const { claims } = (await (await redeem(bridge, ticketOf(landed)!)).json()) as { claims: { sub: string; sid: string } };
	const out = await browser.follow(`${bridge}/sign-out?return_to=${encodeURIComponent(`${wp}/`)}`);
	const action = out.html.match(/<form[^>]*action="([^"]+)"/)![1]!;
	const fields = Object.fromEntries([...out.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
	const back = await browser.follow(new URL(action, sys.idp.url).href, (u) => u.startsWith(wp), { form: fields });
	assert.equal(back.url, `${wp}/`, 'sign-out returns to the site');
	const deadline = Date.now() + 5000;
	while (!sys.wp.logouts.some((l) => l.sid === claims.sid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
	assert.deepEqual(sys.wp.logouts.find((l) => l.sid === claims.sid), { sub: claims.sub, sid: claims.sid });
});

test('a forged or replayed logout token is refused', async () => {
	const forged = await fetch(`${bridge}/backchannel-logout`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ logout_token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }).toString(),
	});
	assert.equal(forged.status, 400);
});

test('tickets, errors and WordPress calls go to the URLs WordPress reports, not to guessed ones', async () => {
	// A site whose login URL is filtered (as login-hiding plugins do) and whose REST API has no pretty permalinks.
	const custom = await startSystem({
		site: (wpUrl) => ({
			callbackUrl: `${wpUrl}/members/?action=logto-callback`,
			errorUrl: `${wpUrl}/members/`,
			restUrl: `${wpUrl}/?rest_route=/logto-bridge/v1/`,
		}),
	});
	try {
		const customBridge = custom.bridges[0]!.url;
		const refused = await new Browser().request(signInUrl(customBridge, { returnTo: 'https://evil.com/' }));
		assert.equal(refused.headers.get('location'), `${custom.wp.url}/members/?logto_error=invalid_return_to`);
		const browser = new Browser();
		const start = await browser.follow(signInUrl(customBridge));
		const landed = await browser.follow(`${custom.idp.url}${formAction(start.html, '/password')}`, (u) => u.startsWith(`${custom.wp.url}/members/`), {
			form: { username: 'ed', password: 'editor-password-123' },
		});
		assert.match(landed.url, new RegExp(`^${custom.wp.url}/members/\\?action=logto-callback&ticket=[\\w-]{43}&sealed=s1\\.[\\w-]+$`));
	} finally {
		await custom.stop();
	}
});

test('REST calls to WordPress work with and without pretty permalinks', () => {
	assert.equal(restEndpoint('https://example.com/wp-json/logto-bridge/v1/', 'backchannel-logout').href, 'https://example.com/wp-json/logto-bridge/v1/backchannel-logout');
	assert.equal(
		restEndpoint('https://example.com/blog/index.php?rest_route=/logto-bridge/v1/', 'backchannel-logout').href,
		'https://example.com/blog/index.php?rest_route=%2Flogto-bridge%2Fv1%2Fbackchannel-logout',
	);
});

test('with Logto down, a visitor is told so on the site instead of being sent to a dead page', async () => {
	const own = await startSystem();
	try {
		const ownBridge = own.bridges[0]!.url;
		const up = await new Browser().request(signInUrl(ownBridge));
		assert.ok(up.headers.get('location')!.startsWith(`${own.idp.url}/oidc/auth`), 'discovery done and cached');
		await own.idp.stop();
		// The breaker probes Logto every 5 s off the visitor's path: the next probe finds it gone.
		await new Promise((r) => setTimeout(r, 5600));
		const down = await new Browser().request(signInUrl(ownBridge));
		assert.equal(new URL(down.headers.get('location')!).searchParams.get('logto_error'), 'idp_unreachable');
	} finally {
		for (const b of own.bridges) await b.stop();
		await own.wp.stop();
	}
});

test('a flood of sign-in starts from one address gets short 429s, which store nothing', async () => {
	const limited = await startSystem({ rateLimit: 5 });
	try {
		const url = signInUrl(limited.bridges[0]!.url);
		const statuses = [];
		for (let i = 0; i < 8; i++) statuses.push((await fetch(url, { redirect: 'manual' })).status);
		assert.deepEqual(statuses, [303, 303, 303, 303, 303, 429, 429, 429]);
		const refused = await fetch(url, { redirect: 'manual' });
		assert.match(await refused.text(), /^Too many sign-in attempts/);
		assert.equal(refused.headers.get('set-cookie'), null, 'no pending sign-in for a refused start');
		assert.ok(Number(refused.headers.get('retry-after')) > 0, 'it says when to try again');
		assert.equal((await fetch(`${limited.bridges[0]!.url}/sign-out`, { redirect: 'manual' })).status, 429, 'sign-out shares the limit');
	} finally {
		await limited.stop();
	}
});

test('a return_to longer than 512 characters is refused', async () => {
	const long = `${wp}/${'a'.repeat(600)}`;
	const res = await new Browser().request(signInUrl(bridge, { returnTo: long }));
	assert.equal(errorOf(res.headers.get('location')!), 'invalid_return_to');
});

test('a typed number asks Logto for the phone scope even where the site leaves it out', async () => {
	const narrow = await startSystem({ site: () => ({ scopes: 'openid profile' }) });
	try {
		const location = async (query: string) => new URL((await new Browser().request(`${narrow.bridges[0]!.url}/sign-in?binding=${BINDING}${query}`)).headers.get('location')!);
		assert.equal((await location(`&phone=${encodeURIComponent('+8613800138000')}`)).searchParams.get('scope'), 'openid profile phone');
		assert.equal((await location('')).searchParams.get('scope'), 'openid profile', 'without a phone, the site\'s scopes as they are');
	} finally {
		await narrow.stop();
	}
});
