import assert from 'node:assert/strict';
import { test } from 'node:test';

import { configChanges, planAppMetadata, type SignInParts } from '../src/setup/plans.js';
import { planPhoneSignUp } from '../src/setup/sign-up-plan.js';

test('a connector config read back from Logto (jsonb: keys reordered) is no change', () => {
	const stored = { templates: [{ content: '{{code}}', usageType: 'SignIn' }, { content: '{{code}}', usageType: 'Generic' }], authToken: 't', accountSID: 'AC1' };
	const typed = { accountSID: 'AC1', authToken: 't', templates: [{ usageType: 'Generic', content: '{{code}}' }, { usageType: 'SignIn', content: '{{code}}' }] };
	assert.deepEqual(configChanges(stored, typed, new Set(['authToken'])), []);
	const changed = configChanges(stored, { ...typed, authToken: 'new' }, new Set(['authToken']));
	assert.deepEqual(changed, [{ field: 'config.authToken', from: '(hidden)', to: '(hidden)', replaces: true }], 'secrets never shown');
});

test('URIs are added, never removed; a different back-channel URI is an overwrite', () => {
	const uris = { redirectUri: 'https://b/callback', postSignOutRedirectUri: 'https://b/sign-out/callback', backchannelLogoutUri: 'https://b/backchannel-logout' };
	const { metadata, changes } = planAppMetadata({ redirectUris: ['https://other/cb'], postLogoutRedirectUris: [], backchannelLogoutUri: 'https://other/logout' }, uris);
	assert.deepEqual(metadata.redirectUris, ['https://other/cb', 'https://b/callback']);
	assert.equal(changes.find((c) => c.field === 'backchannelLogoutUri')?.replaces, true);
	assert.deepEqual(planAppMetadata(metadata, uris).changes, []);
});

const username = { identifier: 'username', password: true, verificationCode: false, isPasswordPrimary: true } as const;
const email = { identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true } as const;
const selfHosted: SignInParts = { signIn: { methods: [username] }, signUp: { identifiers: ['username'], password: true, verify: false }, signInMode: 'SignInAndRegister' };
const cloud: SignInParts = { signIn: { methods: [email] }, signUp: { identifiers: ['email'], password: true, verify: true }, signInMode: 'SignInAndRegister' };

test("self-hosted default: phone next to username would ask phone visitors for a username and a password; the code-only plan asks nothing and says what it costs", () => {
	const plan = planPhoneSignUp(selfHosted, { users: [], total: 0 });
	assert.equal(plan.newPhoneNow, null, 'no phone sign-up today');
	const [codeOnly, keep] = plan.choices;
	assert.deepEqual(codeOnly?.newPhone, []);
	assert.deepEqual(codeOnly?.after.signUp, { identifiers: ['phone'], password: false, verify: true });
	assert.deepEqual(codeOnly?.after.signIn.methods.map((m) => m.identifier), ['username', 'phone'], 'username sign-in stays');
	assert.deepEqual(codeOnly?.notes, ['username_sign_up_ends', 'no_password_at_sign_up']);
	assert.ok(codeOnly?.changes.some((c) => c.field === 'signUp.password' && c.replaces));
	assert.deepEqual(keep?.newPhone, ['username', 'password']);
	assert.equal(plan.satisfiesBoth, true, 'nobody in Logto yet');
});

test('with username-only users in Logto, no change satisfies both: the admin is told how many would be asked for a phone', () => {
	const users = [{ username: 'uma', hasPassword: true }, { username: 'ed', primaryPhone: '8613800138000', hasPassword: true }];
	const plan = planPhoneSignUp(selfHosted, { users, total: 2 });
	assert.equal(plan.satisfiesBoth, false);
	assert.deepEqual(plan.choices[0]?.existing, { fields: ['phone'], count: 1, exact: true });
	assert.deepEqual(plan.choices[1]?.existing.count, 0);
	assert.equal(planPhoneSignUp(selfHosted, { users, total: 1500 }).choices[0]?.existing.exact, false);
});

test("Logto Cloud's default: email or phone, no password, email codes on (Logto's rule); email users are asked nothing new", () => {
	const plan = planPhoneSignUp(cloud, { users: [{ primaryEmail: 'emma@example.com', hasPassword: true }], total: 1 });
	const [codeOnly] = plan.choices;
	assert.deepEqual(codeOnly?.after.signUp.identifiers, ['email', 'phone']);
	assert.equal(codeOnly?.after.signIn.methods.find((m) => m.identifier === 'email')?.verificationCode, true);
	assert.ok(codeOnly?.notes.includes('email_code_sign_in'));
	assert.equal(plan.satisfiesBoth, true);
	assert.deepEqual(planPhoneSignUp(codeOnly!.after, { users: [], total: 0 }).choices[0]?.changes, [], 'a second run changes nothing');
});

test('sign-in only: the code-only plan opens registration, marked as an overwrite', () => {
	const plan = planPhoneSignUp({ ...selfHosted, signInMode: 'SignIn' }, { users: [], total: 0 });
	assert.ok(plan.choices[0]?.changes.some((c) => c.field === 'signInMode' && c.replaces));
	assert.ok(plan.choices[0]?.notes.includes('registration_opened'));
});
