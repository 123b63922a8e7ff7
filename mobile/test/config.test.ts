import assert from 'node:assert/strict';
import { test } from 'node:test';

import { NATIVE_REDIRECT, parseConfig } from '../src/config.js';

const web = { native: false, origin: 'http://127.0.0.1:3002' };
const base = { endpoint: 'https://tenant.logto.app/', appId: 'abc123', site: 'https://blog.example/' };

test('defaults: the API resource is the site\'s /wp-json, the redirects are the page\'s own on the web and the custom scheme on a device', () => {
	const onWeb = parseConfig(base, web);
	assert.equal(onWeb.endpoint, 'https://tenant.logto.app');
	assert.equal(onWeb.site, 'https://blog.example');
	assert.equal(onWeb.resource, 'https://blog.example/wp-json');
	assert.equal(onWeb.redirectUri, 'http://127.0.0.1:3002/callback');
	assert.equal(onWeb.postSignOutRedirectUri, 'http://127.0.0.1:3002/');
	const onDevice = parseConfig({ ...base, endpoint: 'https://auth.example/oidc', resource: 'https://api.example/wp' }, { native: true, origin: 'capacitor://localhost' });
	assert.equal(onDevice.endpoint, 'https://auth.example', 'the OIDC issuer is accepted as the endpoint');
	assert.equal(onDevice.resource, 'https://api.example/wp');
	assert.equal(onDevice.redirectUri, NATIVE_REDIRECT);
	assert.equal(onDevice.postSignOutRedirectUri, `${NATIVE_REDIRECT}/sign-out`);
});

test('a wrong config names the field', () => {
	assert.throws(() => parseConfig(null, web), /JSON object/);
	assert.throws(() => parseConfig({ ...base, appId: '' }, web), /"appId"/);
	assert.throws(() => parseConfig({ ...base, endpoint: undefined }, web), /"endpoint" is missing/);
	assert.throws(() => parseConfig({ ...base, site: 'blog.example' }, web), /"site" is not a URL/);
	assert.throws(() => parseConfig({ ...base, endpoint: 'javascript:alert(1)' }, web), /"endpoint" must be an http\(s\) URL/);
});
