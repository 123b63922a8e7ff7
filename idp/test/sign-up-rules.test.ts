import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { createManagementApi } from '@logto/api/management';

import { authorizeRequest, Browser, formAction, lastCode, startIdp, type RunningIdp } from '@logto-bridge/testkit';
import { mandatoryProfile, missingProfile } from '@logto-bridge/contract';

// A fresh self-hosted tenant (username + password sign-up) with one username-only user, driven
// through Logto's own Management API client and the sign-in pages, as a real Logto 1.37 answers.
const RESOURCE = 'https://default.logto.app/api';
let idp: RunningIdp;
let client: ReturnType<typeof createManagementApi>['apiClient'];
let appId: string;
const REDIRECT = 'https://blog.example/cb';

before(async () => {
	const users = join(mkdtempSync(join(tmpdir(), 'idp-users-')), 'users.json');
	writeFileSync(users, JSON.stringify([{ id: 'uma-user', username: 'uma', password: 'uma-password-123' }]));
	idp = await startIdp({ IDP_EMPTY: '1', IDP_USERS_FILE: users });
	client = createManagementApi('default', { clientId: 'wordpress-setup', clientSecret: 'local-setup-secret', baseUrl: idp.url, apiIndicator: RESOURCE }).apiClient;
	const uris = [REDIRECT] as unknown as Array<Record<string, unknown>>;
	const { data: app } = await client.POST('/api/applications', { body: { name: 'WP', type: 'Traditional', oidcClientMetadata: { redirectUris: uris, postLogoutRedirectUris: [] } } });
	appId = app!.id;
	const twilio = { accountSID: 'AC0123', authToken: 'twilio-token', fromMessagingServiceSID: 'MG0456', templates: ['Register', 'SignIn', 'ForgotPassword', 'Generic'].map((usageType) => ({ usageType, content: '{{code}}' })) };
	const { data: connector, error } = await client.POST('/api/connectors', { body: { connectorId: 'twilio-short-message-service', config: twilio } });
	assert.ok(connector, JSON.stringify(error));
});
after(() => idp.stop());

const authorizeUrl = () => authorizeRequest(idp.url, appId, REDIRECT).url;

const done = (url: string) => url.startsWith('https://blog.example/');
const post = (browser: Browser, html: string, path: string, form: Record<string, string>) => browser.follow(new URL(formAction(html, path), idp.url).href, done, { form });
const heading = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

/** A new number through the sign-in page: code, "create a new account?", Continue; what comes next. */
async function newPhoneVisitor(phone: string) {
	const browser = new Browser();
	const page = await browser.follow(authorizeUrl());
	const code = await post(browser, page.html, '/phone', { phone, intent: 'sign_in' });
	const confirm = await post(browser, code.html, '/code', { code: lastCode(idp.config.sms.outbox, phone) });
	assert.equal(heading(confirm.html), 'Create a new account?');
	return { browser, next: await post(browser, confirm.html, '/register', {}) };
}

async function patchSignUp(signUp: object, methods?: object[]) {
	const body = { signUp, signIn: { methods: methods ?? [{ identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true }, { identifier: 'phone', password: false, verificationCode: true, isPasswordPrimary: false }] } };
	const { data, error } = await client.PATCH('/api/sign-in-exp', { body: body as never });
	assert.ok(data, JSON.stringify(error));
}

test('mandatory fields as Logto derives them: username wins, email with phone is either, secondary ones and the password add', () => {
	assert.deepEqual(mandatoryProfile({ identifiers: ['username', 'phone'], password: true, verify: false }), ['username', 'password']);
	assert.deepEqual(mandatoryProfile({ identifiers: ['email', 'phone'], password: false, verify: true }), ['emailOrPhone']);
	assert.deepEqual(mandatoryProfile({ identifiers: ['phone'], password: false, verify: true, secondaryIdentifiers: [{ identifier: 'email', verify: true }] }), ['phone', 'email']);
	assert.deepEqual(missingProfile(['emailOrPhone', 'password'], { phone: '+8613800138000', hasPassword: false }), ['password']);
});

test('the self-hosted default starts as username + password, and a fresh tenant has no phone sign-up', async () => {
	const { data } = await client.GET('/api/sign-in-exp');
	assert.deepEqual(data?.signUp, { identifiers: ['username'], password: true, verify: false });
	assert.deepEqual(data?.signIn.methods.map((m) => m.identifier), ['username']);
});

test('phone next to username with the password on: after the code Logto asks "Set username", then "Set password"', async () => {
	await patchSignUp({ identifiers: ['username', 'phone'], password: true, verify: true });
	const { browser, next } = await newPhoneVisitor('+8613800138601');
	assert.equal(heading(next.html), 'Set username');
	assert.equal(idp.accounts.findByPhone('+8613800138601'), undefined, 'no account before every field is given');
	const taken = await post(browser, next.html, '/profile', { username: 'uma' });
	assert.match(taken.html, /already in use/);
	const password = await post(browser, taken.html, '/profile', { username: 'newbie' });
	assert.equal(heading(password.html), 'Set password');
	const differ = await post(browser, password.html, '/profile', { password: 'newbie-password-1', confirm: 'other-password-1' });
	assert.match(differ.html, /do not match/);
	const back = await post(browser, differ.html, '/profile', { password: 'newbie-password-1', confirm: 'newbie-password-1' });
	assert.ok(done(back.url), back.url);
	const user = idp.accounts.findByPhone('+8613800138601');
	assert.equal(user?.username, 'newbie');
	assert.ok(idp.accounts.authenticate('newbie', 'newbie-password-1'));
});

test('phone alone, no password: the number and the code are enough; a username user is asked to link a phone at sign-in', async () => {
	await patchSignUp({ identifiers: ['phone'], password: false, verify: true });
	const { next } = await newPhoneVisitor('+8613800138602');
	assert.ok(done(next.url), 'signed up with the code alone');

	const browser = new Browser();
	const page = await browser.follow(authorizeUrl());
	const link = await post(browser, page.html, '/password', { username: 'uma', password: 'uma-password-123' });
	assert.equal(heading(link.html), 'Link phone number');
	const taken = await post(browser, link.html, '/profile', { phone: '+8613800138602' });
	assert.match(taken.html, /linked to another account/);
	const code = await post(browser, taken.html, '/profile', { phone: '+8613800138603' });
	const wrong = await post(browser, code.html, '/profile', { code: '000000' === lastCode(idp.config.sms.outbox, '+8613800138603') ? '111111' : '000000' });
	assert.match(wrong.html, /incorrect/);
	const signedIn = await post(browser, wrong.html, '/profile', { code: lastCode(idp.config.sms.outbox, '+8613800138603') });
	assert.ok(done(signedIn.url), signedIn.url);
	assert.equal(idp.accounts.get('uma-user')?.phone, '+8613800138603');
});

test('phone as a secondary identifier also lets a verified number sign up (Logto: use-sie.ts); sign-in mode alone does not', async () => {
	await patchSignUp({ identifiers: ['username'], password: false, verify: true, secondaryIdentifiers: [{ identifier: 'phone', verify: true }] });
	const { next } = await newPhoneVisitor('+8613800138604');
	assert.equal(heading(next.html), 'Set username');
	const { data } = await client.PATCH('/api/sign-in-exp', { body: { signInMode: 'SignIn' } });
	assert.equal(data?.signInMode, 'SignIn');
	const browser = new Browser();
	const page = await browser.follow(authorizeUrl());
	const code = await post(browser, page.html, '/phone', { phone: '+8613800138605', intent: 'sign_in' });
	const refused = await post(browser, code.html, '/code', { code: lastCode(idp.config.sms.outbox, '+8613800138605') });
	assert.match(refused.html, /new accounts cannot be created/);
	await client.PATCH('/api/sign-in-exp', { body: { signInMode: 'SignInAndRegister' } });
});

test("Logto's checks on PATCH /api/sign-in-exp, with its error codes", async () => {
	const refused = async (body: object) => (await client.PATCH('/api/sign-in-exp', { body: body as never })).error as { code?: string } | undefined;
	const username = { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true };
	const emailPassword = { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true };
	assert.equal((await refused({ signUp: { identifiers: ['phone'], password: false, verify: true }, signIn: { methods: [username, emailPassword] } }))?.code, 'sign_in_experiences.code_sign_in_must_be_enabled');
	assert.equal((await refused({ signUp: { identifiers: ['phone'], password: true, verify: false }, signIn: { methods: [username] } }))?.code, 'sign_in_experiences.passwordless_requires_verify');
	assert.equal((await refused({ signUp: { identifiers: ['phone'], password: true, verify: true, secondaryIdentifiers: [{ identifier: 'phone', verify: true }] }, signIn: { methods: [username] } }))?.code, 'sign_in_experiences.duplicated_sign_up_identifiers');
	assert.equal((await refused({ signUp: { identifiers: ['username'], password: true, verify: false }, signIn: { methods: [{ ...username, password: false }] } }))?.code, 'sign_in_experiences.at_least_one_authentication_factor');
});

test('GET /api/users lists users in pages as Logto does, with the count in Total-Number', async () => {
	const { data, response } = await client.GET('/api/users', { params: { query: { page: 1, page_size: 2 } as never } });
	assert.equal(data?.length, 2);
	assert.ok(Number(response.headers.get('total-number')) >= 3);
	const uma = (await client.GET('/api/users', { params: { query: { page_size: 100 } as never } })).data?.find((u) => u.id === 'uma-user');
	assert.equal(uma?.username, 'uma');
	assert.equal(uma?.primaryPhone, '8613800138603');
});
