import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { Accounts } from '../src/accounts.js';

test('as in Logto, email_verified and phone_number_verified mean "present", not "verified"', async () => {
	const accounts = new Accounts(mkdtempSync(join(tmpdir(), 'accounts-')), 'CN');
	// An email set by an admin edit, never verified by its owner.
	const edited = accounts.create({ phone: null, email: 'someone-else@example.com', emailVerified: false });
	const claims = await (await accounts.findAccount({} as never, edited.id))!.claims('id_token', 'openid email phone', {}, []);
	assert.equal(claims.email_verified, true);
	assert.equal(claims.phone_number_verified, false);
	const phoneOnly = accounts.create({ phone: '+8613800138009' });
	const phoneClaims = await (await accounts.findAccount({} as never, phoneOnly.id))!.claims('id_token', 'openid email phone', {}, []);
	assert.equal(phoneClaims.email_verified, false);
	assert.equal(phoneClaims.phone_number_verified, true);
});
