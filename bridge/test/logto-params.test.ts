import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { allowedExtraParams, invalidExtraParam } from '../src/logto-params.js';

type Vectors = { params: string[]; valid: Record<string, string[]>; invalid: Record<string, string[]> };
const vectors = JSON.parse(readFileSync(new URL('../../fixtures/logto-extra-params.json', import.meta.url), 'utf8')) as Vectors;

test('the bridge sends exactly the extra params WordPress offers', () => {
	assert.deepEqual([...allowedExtraParams].sort(), [...vectors.params].sort());
});

test('the shared extra-param vectors: Logto-accepted values pass, refused ones are named', () => {
	for (const [name, values] of Object.entries(vectors.valid)) {
		for (const value of values) assert.equal(invalidExtraParam({ [name]: value }), null, `${name}=${value}`);
	}
	for (const [name, values] of Object.entries(vectors.invalid)) {
		for (const value of values) assert.equal(invalidExtraParam({ [name]: value }), name, `${name}=${value}`);
	}
});
