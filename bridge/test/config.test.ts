import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ENVIRONMENT, loadConfig } from '../src/config.js';

const good = { BRIDGE_PUBLIC_URL: 'http://127.0.0.1:3000', WP_URL: 'http://127.0.0.1:8888', BRIDGE_SHARED_SECRET: 'x'.repeat(32) };

test('a missing or bad variable stops the start, named', () => {
	assert.throws(() => loadConfig({ ...good, WP_URL: undefined }), /^Error: WP_URL is required/);
	assert.throws(() => loadConfig({ ...good, BRIDGE_SHARED_SECRET: 'short' }), /BRIDGE_SHARED_SECRET must be at least 32 bytes/);
	assert.throws(() => loadConfig({ ...good, PORT: 'eighty' }), /^Error: PORT/);
	assert.throws(() => loadConfig({ ...good, REDIS_URL: 'http://x' }), /^Error: REDIS_URL/);
});

test('cookies are Secure exactly when the public URL is https', () => {
	assert.equal(loadConfig(good).secureCookies, false);
	assert.equal(loadConfig({ ...good, BRIDGE_PUBLIC_URL: 'https://auth.example.com' }).secureCookies, true);
	assert.equal(loadConfig(good).port, 3000);
});

test('WordPress over plain http is refused unless it is on this machine', () => {
	assert.throws(() => loadConfig({ ...good, WP_URL: 'http://example.com' }), /^Error: WP_URL must be https unless it is a loopback address/);
	assert.throws(() => loadConfig({ ...good, WP_URL: 'http://127.0.0.1.example.com' }), /^Error: WP_URL must be https/);
	for (const ok of ['https://example.com', 'http://127.0.0.1:8888', 'http://localhost', 'http://[::1]:8080']) assert.equal(loadConfig({ ...good, WP_URL: ok }).wpUrl, ok);
});

test('--help gives the defaults the bridge really applies', () => {
	const documented = Object.fromEntries(Object.entries(ENVIRONMENT).flatMap(([name, v]) => (v.default === undefined ? [] : [[name, v.default]])));
	assert.ok(Object.keys(documented).length >= 8, 'the test sets the defaults, not nothing');
	assert.deepEqual(loadConfig({ ...good, ...documented }), loadConfig(good), 'setting each documented default changes nothing');
});
