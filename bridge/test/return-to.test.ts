import assert from 'node:assert/strict';
import { test } from 'node:test';

import { safeReturnTo } from '../src/return-to.js';

const origins = ['http://127.0.0.1:8888'];

test('a page of the site is accepted', () => {
	assert.equal(safeReturnTo('http://127.0.0.1:8888/wp-admin/?a=1', origins), 'http://127.0.0.1:8888/wp-admin/?a=1');
});

test('every open-redirect variant is refused', () => {
	for (const bad of [
		'//evil.com',
		'https://evil.com',
		'http://evil.com/http://127.0.0.1:8888/',
		'javascript:alert(1)',
		'JaVaScRiPt:alert(1)',
		'data:text/html,hi',
		'/\\evil.com',
		'\\\\evil.com',
		'http://127.0.0.1:8888\\@evil.com',
		'http:%2F%2Fevil.com',
		'%2F%2Fevil.com',
		'http://127.0.0.1:8888%2F@evil.com',
		'http://127.0.0.1:8888@evil.com/',
		'http://user:pass@127.0.0.1:8888/',
		'http://127.0.0.1:8888.evil.com/',
		'http://127.0.0.1:8889/',
		'https://127.0.0.1:8888/',
		'/relative/path',
		'http://127.0.0.1:8888/\n',
		'',
	]) {
		assert.equal(safeReturnTo(bad, origins), null, bad);
	}
	assert.equal(safeReturnTo(['http://127.0.0.1:8888/'], origins), null, 'array');
});
