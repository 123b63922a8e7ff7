import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';

import { appRegistration, errorCodesFrom, isToken, SIGN_IN_ERROR_CODES, TOKEN_BYTES, toE164, toLogtoDigits } from '../src/index.js';

test('every error code is sent by the bridge, WordPress or both', () => {
	assert.ok(SIGN_IN_ERROR_CODES.length > 10);
	for (const code of SIGN_IN_ERROR_CODES) {
		assert.match(code, /^[a-z_]+$/, `${code} survives sanitize_key() unchanged`);
		assert.ok(errorCodesFrom('bridge').includes(code) || errorCodesFrom('wordpress').includes(code), `${code} has a sender`);
	}
});

test('the app registration lists the bridge routes Logto must know, under the bridge URL', () => {
	const app = appRegistration({ id: 'wp', secret: 's', bridgeUrl: 'https://auth.example.com/' });
	assert.deepEqual(app.redirect_uris, ['https://auth.example.com/callback']);
	assert.deepEqual(app.post_logout_redirect_uris, ['https://auth.example.com/sign-out/callback']);
	assert.equal(app.backchannel_logout_uri, 'https://auth.example.com/backchannel-logout');
	assert.equal(app.backchannel_logout_session_required, true, 'without it Logto puts no sid in ID tokens');
});

test('a token is 32 random bytes in base64url, nothing else', () => {
	assert.equal(TOKEN_BYTES, 32);
	assert.ok(isToken(randomBytes(TOKEN_BYTES).toString('base64url')));
	for (const bad of ['', 'A'.repeat(42), 'A'.repeat(44), `${'A'.repeat(42)}+`, `${'A'.repeat(42)}=`, `${'A'.repeat(42)}\n`, 42]) {
		assert.equal(isToken(bad), false, JSON.stringify(bad));
	}
});

test('a number with + is read with its country code; a bare number needs a region', () => {
	assert.equal(toE164('+86 138 0013 8000'), '+8613800138000');
	assert.equal(toE164(' +1 (201) 555-0123 '), '+12015550123');
	assert.equal(toE164('8613800138000'), null, 'what a visitor types must carry its country code');
	assert.equal(toE164('8613800138000', 'US'), '+8613800138000', "Logto's digits-only form");
	assert.equal(toE164('138 0013 8000', 'CN'), '+8613800138000', 'a national number of the region');
	for (const bad of ['+1 555', '+86 138 0013 800a', '', '+', 'phone', undefined, ['+8613800138000'], '+12015550123'.padEnd(40, '0')]) {
		assert.equal(toE164(bad, 'US'), null, JSON.stringify(bad));
	}
	assert.equal(toLogtoDigits('+8613800138000'), '8613800138000');
});
