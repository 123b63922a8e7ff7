import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { sign, verify } from '../src/signature.js';

// The same vectors the plugin's PHP tests assert: both sides must agree byte for byte.
type Vector = { method: string; path: string; timestamp: number; nonce: string; body: string; header: string };
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/hmac-vectors.json', import.meta.url), 'utf8')) as {
	secret: string;
	maxSkewSeconds: number;
	vectors: Vector[];
};
const message = (v: Vector) => ({ method: v.method, path: v.path, body: v.body });

test('signing reproduces every shared vector', () => {
	for (const v of fixture.vectors) assert.equal(sign(fixture.secret, message(v), { timestamp: v.timestamp, nonce: v.nonce }), v.header);
});

test('every shared vector verifies within the skew window, and gives its nonce for the replay guard', () => {
	for (const v of fixture.vectors) {
		assert.deepEqual(verify(fixture.secret, v.header, message(v), v.timestamp + fixture.maxSkewSeconds), { ok: true, nonce: v.nonce });
	}
});

test('a stale, tampered, re-aimed, malformed or missing signature is refused', () => {
	const v = fixture.vectors[0]!;
	const m = message(v);
	assert.deepEqual(verify(fixture.secret, v.header, m, v.timestamp + fixture.maxSkewSeconds + 1), { ok: false, reason: 'stale' });
	assert.deepEqual(verify(fixture.secret, v.header, { ...m, body: `${v.body} ` }, v.timestamp), { ok: false, reason: 'mismatch' });
	assert.deepEqual(verify(fixture.secret, v.header, { ...m, method: 'GET' }, v.timestamp), { ok: false, reason: 'mismatch' }, 'another method');
	assert.deepEqual(verify(fixture.secret, v.header, { ...m, path: '/readyz' }, v.timestamp), { ok: false, reason: 'mismatch' }, 'another route');
	assert.deepEqual(verify(fixture.secret, v.header.replace(v.nonce, `${v.nonce.slice(0, -1)}x`), m, v.timestamp), { ok: false, reason: 'mismatch' }, 'another nonce');
	assert.deepEqual(verify(`${fixture.secret}x`, v.header, m, v.timestamp), { ok: false, reason: 'mismatch' });
	assert.deepEqual(verify(fixture.secret, v.header.replace('v1=', 'v2='), m, v.timestamp), { ok: false, reason: 'malformed' });
	assert.deepEqual(verify(fixture.secret, undefined, m, v.timestamp), { ok: false, reason: 'missing' });
});
