import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { errorCodesFrom, SIGN_IN_ERROR_CODES } from '@logto-bridge/contract';

import { codeFor, SignInError } from '../src/errors.js';
import { SiteConfigError } from '../src/site-config.js';

const srcDir = new URL('../src/', import.meta.url).pathname;
const sources = (dir: string): string =>
	readdirSync(dir, { withFileTypes: true })
		.map((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? readFileSync(join(dir, e.name), 'utf8') : ''))
		.join('\n');

test('every code fixtures/error-codes.json says the bridge sends, the bridge sends somewhere', () => {
	const src = sources(srcDir);
	for (const code of errorCodesFrom('bridge')) assert.ok(src.includes(`'${code}'`), `${code} is never sent`);
});

test('the bridge sends no code outside fixtures/error-codes.json', () => {
	// The type already refuses one; this catches a string that slipped past it.
	const sent = [...sources(srcDir).matchAll(/(?:SignInError|return)\('([a-z_]+)'/g)].map((m) => m[1]!);
	assert.ok(sent.length > 5);
	for (const code of sent) assert.ok((SIGN_IN_ERROR_CODES as string[]).includes(code), code);
});

test('one mapping for every route: typed failures, WordPress down, and openid-client errors by their stable fields', () => {
	assert.equal(codeFor(new SignInError('invalid_return_to')), 'invalid_return_to');
	assert.equal(codeFor(new SiteConfigError('WordPress answered 500')), 'site_unreachable');
	assert.equal(codeFor(Object.assign(new Error('x'), { error: 'access_denied' })), 'cancelled');
	assert.equal(codeFor(Object.assign(new Error('x'), { error: 'invalid_client' })), 'misconfigured');
	assert.equal(codeFor(Object.assign(new Error('x'), { code: 'OAUTH_JWS_SIGNATURE_VERIFICATION_FAILED' })), 'invalid_token');
	assert.equal(codeFor(new TypeError('fetch failed')), 'idp_unreachable');
	assert.equal(codeFor(new Error('anything else')), 'idp_error');
});
