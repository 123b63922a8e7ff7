import assert from 'node:assert/strict';
import { test } from 'node:test';

import { configChanges, planAppMetadata, planPhoneSignIn } from '../src/setup/plans.js';

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

test('phone sign-in is added next to what is there', () => {
	const { after } = planPhoneSignIn({
		signIn: { methods: [{ identifier: 'email', password: true, verificationCode: false, isPasswordPrimary: true }] },
		signUp: { identifiers: ['email'], password: true, verify: true },
		signInMode: 'SignInAndRegister',
	});
	assert.deepEqual(after.signIn.methods.map((m) => m.identifier), ['email', 'phone']);
	assert.deepEqual(after.signUp.identifiers, ['email', 'phone']);
	assert.equal(after.signUp.password, true, 'the email users’ passwords stay');
});
