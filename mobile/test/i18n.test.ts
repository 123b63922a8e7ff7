import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import { catalogs, localeOf, setLocale, t } from '../src/i18n.js';

test('every string the app shows through t() has its Simplified Chinese', () => {
	const dir = new URL('../src/', import.meta.url);
	const used = readdirSync(dir)
		.filter((f) => f.endsWith('.ts'))
		.flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/\bt\(\s*'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]!));
	assert.ok(used.length > 20, `found ${used.length} strings`);
	const missing = used.filter((en) => !(en in catalogs['zh-CN']));
	assert.deepEqual(missing, []);
});

test('the device language picks the locale; placeholders are filled', () => {
	assert.equal(localeOf('zh-CN'), 'zh-CN');
	assert.equal(localeOf('zh'), 'zh-CN');
	assert.equal(localeOf('zh-Hans-CN'), 'zh-CN');
	assert.equal(localeOf('zh-TW'), 'en', 'no Traditional Chinese catalog: English');
	assert.equal(localeOf('en-US'), 'en');
	setLocale('zh-CN');
	assert.equal(t('User #{id}', { id: 7 }), '用户 #7');
	setLocale('en');
	assert.equal(t('User #{id}', { id: 7 }), 'User #7');
});
