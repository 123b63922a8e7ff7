import assert from 'node:assert/strict';
import { test } from 'node:test';

import { phoneFirstParams, typedPhone, withParams } from '../src/phone-first.js';

test('a typed number becomes E.164 with its country code, or null', () => {
	assert.equal(typedPhone(' +86 138 0013 8000 '), '+8613800138000');
	assert.equal(typedPhone('+1 (201) 555-0123'), '+12015550123');
	assert.equal(typedPhone('2015550123'), null, 'no country code');
	assert.equal(typedPhone('+1 555'), null);
	assert.equal(typedPhone('<script>'), null);
});

test("the authorization URL carries Logto's phone-first params, replacing the SDK's prompt", () => {
	const sdkUrl = 'https://tenant.logto.app/oidc/auth?client_id=app&prompt=consent&scope=openid+offline_access&resource=https%3A%2F%2Fblog.example%2Fwp-json';
	const url = new URL(withParams(sdkUrl, phoneFirstParams('+8613800138000')));
	assert.equal(url.searchParams.get('login_hint'), '+8613800138000');
	assert.equal(url.searchParams.get('first_screen'), 'identifier:sign_in');
	assert.equal(url.searchParams.get('identifier'), 'phone');
	assert.equal(url.searchParams.get('prompt'), 'login consent', 'a live Logto session cannot answer; the refresh token still comes');
	assert.equal(url.searchParams.getAll('prompt').length, 1);
	assert.equal(url.searchParams.get('resource'), 'https://blog.example/wp-json', 'what the SDK set stays');
});
