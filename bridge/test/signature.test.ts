import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { sign, verify } from '../src/signature.js';

// The same vectors the plugin's PHP tests assert: both sides must agree byte for byte.
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/hmac-vectors.json', import.meta.url), 'utf8')) as {
	secret: string;
	maxSkewSeconds: number;
	vectors: Array<{ timestamp: number; body: string; header: string }>;
};

test('signing reproduces every shared vector', () => {
	for (const v of fixture.vectors) assert.equal(sign(fixture.secret, v.body, v.timestamp), v.header);
});

test('every shared vector verifies within the skew window', () => {
	for (const v of fixture.vectors) {
		assert.deepEqual(verify(fixture.secret, v.header, v.body, v.timestamp + fixture.maxSkewSeconds), { ok: true });
	}
});

test('a stale, tampered, malformed or missing signature is refused', () => {
	const v = fixture.vectors[0]!;
	assert.deepEqual(verify(fixture.secret, v.header, v.body, v.timestamp + fixture.maxSkewSeconds + 1), { ok: false, reason: 'stale' });
	assert.deepEqual(verify(fixture.secret, v.header, `${v.body} `, v.timestamp), { ok: false, reason: 'mismatch' });
	assert.deepEqual(verify(`${fixture.secret}x`, v.header, v.body, v.timestamp), { ok: false, reason: 'mismatch' });
	assert.deepEqual(verify(fixture.secret, v.header.replace('v1=', 'v2='), v.body, v.timestamp), { ok: false, reason: 'malformed' });
	assert.deepEqual(verify(fixture.secret, undefined, v.body, v.timestamp), { ok: false, reason: 'missing' });
});
