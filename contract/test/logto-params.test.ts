import assert from 'node:assert/strict';
import { test } from 'node:test';

import extraParams from '../../fixtures/logto-extra-params.json' with { type: 'json' };
import { EXTRA_PARAM_NAMES, FIRST_SCREENS, invalidExtraParam, isValidExtraParam } from '../src/index.js';

test('the extra params WordPress offers and the bridge sends are the fixture\'s patterns', () => {
	assert.deepEqual([...EXTRA_PARAM_NAMES].sort(), Object.keys(extraParams.patterns).sort());
	for (const screen of FIRST_SCREENS) assert.ok(isValidExtraParam('first_screen', screen), screen);
});

test('the shared extra-param vectors: Logto-accepted values pass, refused ones are named', () => {
	for (const [name, values] of Object.entries(extraParams.valid)) {
		for (const value of values) assert.equal(invalidExtraParam({ [name]: value }), null, `${name}=${value}`);
	}
	for (const [name, values] of Object.entries(extraParams.invalid)) {
		for (const value of values) assert.equal(invalidExtraParam({ [name]: value }), name, `${name}=${value}`);
	}
	assert.equal(invalidExtraParam({ prompt: 'login' }), 'prompt', 'prompt is the bridge\'s own, never a site setting');
});
