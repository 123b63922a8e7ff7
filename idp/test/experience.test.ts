import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { authorizeRequest, Browser, formAction, freePort, inputValue, lastCode, startIdp, type RunningIdp } from '@logto-bridge/testkit';

// The default client (the local WordPress app on npm start's default ports); the tests stop at its redirect.
const REDIRECT = 'http://127.0.0.1:3000/callback';
let idp: RunningIdp;

before(async () => {
	idp = await startIdp({ IDP_RESEND_SECONDS: '60' });
});
after(() => idp.stop());

const authorizeUrl = (base: string, extra: Record<string, string> = {}) => authorizeRequest(base, 'wordpress-local', REDIRECT, extra).url;

async function openSignIn(extra: Record<string, string> = {}, target = idp) {
	const browser = new Browser();
	const page = await browser.follow(authorizeUrl(target.url, extra));
	assert.equal(page.status, 200, page.html.slice(0, 500));
	return { browser, page };
}

async function submitPhone(browser: Browser, html: string, phone: string, target = idp) {
	return browser.follow(`${target.url}${formAction(html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
}

const errorText = (html: string) => html.match(/<p class="error" role="alert">([^<]*)<\/p>/)?.[1];

test('login_hint prefills the phone number, with or without "+" as Logto accepts it', async () => {
	for (const hint of ['+8613800138000', '8613800138000']) {
		const { page } = await openSignIn({ login_hint: hint, first_screen: 'identifier:sign_in', identifier: 'phone' });
		assert.equal(inputValue(page.html, 'phone'), '+8613800138000', `hint ${hint}`);
	}
});

test('first_screen and identifier choose the screen', async () => {
	const register = await openSignIn({ first_screen: 'register' });
	assert.match(register.page.html, /<h1>Create account<\/h1>/);
	const usernameOnly = await openSignIn({ first_screen: 'identifier:sign_in', identifier: 'username' });
	assert.equal(inputValue(usernameOnly.page.html, 'phone'), undefined, 'no phone form');
	assert.equal(inputValue(usernameOnly.page.html, 'username'), '');
	assert.doesNotMatch(usernameOnly.page.html, /Create an account/, 'identifier:* shows only the identifier form');
	const signIn = await openSignIn();
	assert.notEqual(inputValue(signIn.page.html, 'phone'), undefined);
	assert.notEqual(inputValue(signIn.page.html, 'password'), undefined);
	assert.match(signIn.page.html, /Create an account/);
});

test('ui_locales=zh-CN shows the Chinese sign-in page', async () => {
	const { page } = await openSignIn({ ui_locales: 'zh-CN' });
	assert.match(page.html, /<html lang="zh-CN">/);
	assert.match(page.html, /发送验证码/);
});

test('an invalid extra param gets a clear error page, not a silent drop', async () => {
	const browser = new Browser();
	const page = await browser.follow(authorizeUrl(idp.url, { first_screen: 'identifier-sign-in', login_hint: '+8613800138000' }));
	assert.equal(page.status, 400);
	assert.match(errorText(page.html) ?? '', /first_screen must be one of sign_in, register/);
	const bad = await browser.follow(authorizeUrl(idp.url, { identifier: 'phone fax' }));
	assert.equal(bad.status, 400);
	assert.match(errorText(bad.html) ?? '', /identifier must be/);
});

test('an invalid phone number is refused on the page', async () => {
	const { browser, page } = await openSignIn();
	const after = await submitPhone(browser, page.html, '+86 123');
	assert.match(errorText(after.html) ?? '', /Enter a valid phone number/);
});

test('a resend sooner than 60 s is refused with the wait time', async () => {
	const phone = '+8613912345678';
	const { browser, page } = await openSignIn();
	const codePage = await submitPhone(browser, page.html, phone);
	const again = await browser.follow(`${idp.url}${formAction(codePage.html, '/resend')}`, undefined, { form: {} });
	assert.match(errorText(again.html) ?? '', /Please wait (5\d|60) seconds/);
});

test('five wrong codes invalidate the code; the right one no longer works', async () => {
	const phone = '+8613912345679';
	const { browser, page } = await openSignIn();
	const codePage = await submitPhone(browser, page.html, phone);
	const code = lastCode(idp.config.sms.outbox, phone);
	const wrong = code === '000000' ? '111111' : '000000';
	const action = `${idp.url}${formAction(codePage.html, '/code')}`;
	let last = '';
	for (let i = 0; i < 5; i++) last = (await browser.follow(action, undefined, { form: { code: wrong } })).html;
	assert.match(errorText(last) ?? '', /Too many wrong codes/);
	const right = await browser.follow(action, undefined, { form: { code } });
	assert.match(errorText(right.html) ?? '', /Request a verification code first/);
});

test('an expired code is refused', async () => {
	const short = await startIdp({ IDP_CODE_TTL_SECONDS: '1' });
	try {
		const phone = '+8613912345670';
		const { browser, page } = await openSignIn({}, short);
		const codePage = await submitPhone(browser, page.html, phone, short);
		const code = lastCode(short.config.sms.outbox, phone);
		await new Promise((r) => setTimeout(r, 1200));
		const res = await browser.follow(`${short.url}${formAction(codePage.html, '/code')}`, undefined, { form: { code } });
		assert.match(errorText(res.html) ?? '', /expired/);
	} finally {
		await short.stop();
	}
});

test('a seeded user signs in with username and password; a wrong password is refused', async () => {
	const { browser, page } = await openSignIn();
	const action = `${idp.url}${formAction(page.html, '/password')}`;
	const wrong = await browser.follow(action, undefined, { form: { username: 'ed', password: 'nope-nope' } });
	assert.match(errorText(wrong.html) ?? '', /username or password is incorrect/);
	const ok = await browser.follow(action, (u) => u.startsWith(REDIRECT), { form: { username: 'ed', password: 'editor-password-123' } });
	assert.match(ok.url, /code=/);
});

test('cancelling returns access_denied to the app', async () => {
	const { browser, page } = await openSignIn();
	const abort = page.html.match(/href="(\/interaction\/[^"]+\/abort)"/)![1]!;
	const res = await browser.follow(`${idp.url}${abort}`, (u) => u.startsWith(REDIRECT));
	assert.equal(new URL(res.url).searchParams.get('error'), 'access_denied');
});

test('with sign-up off, an unknown phone is told no account exists', async () => {
	const closed = await startIdp({ IDP_SIGN_UP: 'off' });
	try {
		const phone = '+8613912345671';
		const { browser, page } = await openSignIn({}, closed);
		const codePage = await submitPhone(browser, page.html, phone, closed);
		const res = await browser.follow(`${closed.url}${formAction(codePage.html, '/code')}`, undefined, {
			form: { code: lastCode(closed.config.sms.outbox, phone) },
		});
		assert.match(errorText(res.html) ?? '', /No account found for \+86 139 1234 5671, and new accounts cannot be created/);
		assert.equal(closed.accounts.findByPhone(phone), undefined);
	} finally {
		await closed.stop();
	}
});

test('a restart keeps users and signing keys', async () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'idp-restart-'));
	const first = await startIdp({ IDP_DATA_DIR: dataDir });
	const phone = '+8613912345672';
	const user = first.accounts.create({ phone });
	const jwks1 = await (await fetch(`${first.url}/oidc/jwks`)).json();
	await first.stop();
	const second = await startIdp({ IDP_DATA_DIR: dataDir, IDP_PORT: String(first.config.port) });
	try {
		assert.equal(second.accounts.findByPhone(phone)?.id, user.id);
		assert.deepEqual(await (await fetch(`${second.url}/oidc/jwks`)).json(), jwks1);
	} finally {
		await second.stop();
	}
});

test('a restart of the idp in the middle of a sign-in leaves the visitor on the code screen', async () => {
	const port = await freePort();
	const env = { IDP_DATA_DIR: mkdtempSync(join(tmpdir(), 'idp-restart-')), IDP_PORT: String(port) };
	let first: RunningIdp | undefined = await startIdp(env);
	const { browser, page } = await openSignIn({}, first);
	const codePage = await submitPhone(browser, page.html, '+8613912345610', first);
	assert.match(codePage.html, /<h1>Enter verification code<\/h1>/);
	await first.stop();
	first = undefined;
	const second = await startIdp(env);
	try {
		const again = await browser.follow(codePage.url);
		assert.match(again.html, /<h1>Enter verification code<\/h1>/, 'still on the code screen');
		assert.match(again.html, /\+86 139 1234 5610/, 'for the same number');
	} finally {
		await second.stop();
	}
});

test('the sign-out page speaks the visitor\'s language', async () => {
	const { browser, page: signIn } = await openSignIn();
	await browser.follow(`${idp.url}${formAction(signIn.html, '/password')}`, (u) => u.startsWith(REDIRECT), { form: { username: 'ed', password: 'editor-password-123' } });
	const page = await browser.follow(`${idp.url}/oidc/session/end?client_id=wordpress-local&ui_locales=zh-CN`);
	assert.match(page.html, /<p>正在退出登录…<\/p>/);
	assert.match(page.html, /<html lang="zh-CN">/);
	const english = await browser.follow(`${idp.url}/oidc/session/end?client_id=wordpress-local`);
	assert.match(english.html, /<p>Signing out…<\/p>/);
});

test('prompt=login asks again even with a live session, as Logto does; without it the session answers', async () => {
	const { browser, page } = await openSignIn();
	await browser.follow(`${idp.url}${formAction(page.html, '/password')}`, (u) => u.startsWith(REDIRECT), { form: { username: 'ed', password: 'editor-password-123' } });
	const silent = await browser.follow(authorizeUrl(idp.url), (u) => u.startsWith(REDIRECT));
	assert.ok(silent.url.startsWith(REDIRECT) && new URL(silent.url).searchParams.get('code'), 'the live session signs in without a screen');
	const hint = '+8613912345630';
	const asked = await browser.follow(authorizeUrl(idp.url, { prompt: 'login', login_hint: hint, first_screen: 'identifier:sign_in', identifier: 'phone' }), (u) => u.startsWith(REDIRECT));
	assert.equal(asked.status, 200, 'a sign-in screen, not a redirect with a code');
	assert.equal(inputValue(asked.html, 'phone'), hint, 'the phone screen, with the typed number');
});

test('signing in as another number over a live session ends the old session and signs the new one in', async () => {
	const { browser, page } = await openSignIn();
	await browser.follow(`${idp.url}${formAction(page.html, '/password')}`, (u) => u.startsWith(REDIRECT), { form: { username: 'ed', password: 'editor-password-123' } });
	const phone = '+8613912345631';
	const asked = await browser.follow(authorizeUrl(idp.url, { prompt: 'login', login_hint: phone }));
	const codePage = await submitPhone(browser, asked.html, phone);
	const confirm = await browser.follow(`${idp.url}${formAction(codePage.html, '/code')}`, undefined, { form: { code: lastCode(idp.config.sms.outbox, phone) } });
	// oidc-provider first logs the old account out with a self-submitting form (a browser submits it).
	const logout = await browser.follow(`${idp.url}${formAction(confirm.html, '/register')}`, (u) => u.startsWith(REDIRECT), { form: {} });
	const action = formAction(logout.html, '/session/end/confirm');
	const fields = Object.fromEntries([...logout.html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
	const done = await browser.follow(new URL(action, idp.url).href, (u) => u.startsWith(REDIRECT), { form: fields });
	assert.ok(done.url.startsWith(REDIRECT) && new URL(done.url).searchParams.get('code'), `back at the app with a code, not "${done.html.slice(0, 200)}"`);
});
