import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadConfig } from '../src/config.js';

test('the built-in M2M secret works on loopback only: off loopback the idp refuses to start until a secret of its own is set', () => {
	for (const host of ['127.0.0.1', 'localhost', '::1']) assert.equal(loadConfig({ IDP_HOST: host }).setupApp.secret, 'local-setup-secret', host);
	assert.throws(() => loadConfig({ IDP_HOST: '0.0.0.0' }), /IDP_SETUP_APP_SECRET: the built-in M2M secret is only for an idp on loopback/);
	assert.throws(() => loadConfig({ IDP_HOST: '192.168.1.20' }), /IDP_SETUP_APP_SECRET/);
	assert.equal(loadConfig({ IDP_HOST: '0.0.0.0', IDP_SETUP_APP_SECRET: 'a-secret-of-its-own-0123' }).setupApp.secret, 'a-secret-of-its-own-0123');
});
