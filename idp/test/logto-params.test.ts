import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { logtoExtraParams, parseLogtoParams } from '../src/logto-params.js';

type Vectors = { valid: Record<string, string[]>; invalid: Record<string, string[]> };
const vectors = JSON.parse(readFileSync(new URL('../../fixtures/logto-extra-params.json', import.meta.url), 'utf8')) as Vectors;
// ui_locales is oidc-provider's own; the idp parses Logto's four.
const ours = (name: string) => (logtoExtraParams as readonly string[]).includes(name);

test('the shared extra-param vectors: the idp accepts what Logto accepts and names what it refuses', () => {
	for (const [name, values] of Object.entries(vectors.valid).filter(([n]) => ours(n))) {
		for (const value of values) assert.equal(typeof parseLogtoParams({ [name]: value }), 'object', `${name}=${value}`);
	}
	for (const [name, values] of Object.entries(vectors.invalid).filter(([n]) => ours(n))) {
		for (const value of values) {
			const problem = parseLogtoParams({ [name]: value });
			assert.equal(typeof problem, 'string', `${name}=${value}`);
			assert.ok((problem as string).startsWith(name), `${name}=${value}: ${String(problem)}`);
		}
	}
});
