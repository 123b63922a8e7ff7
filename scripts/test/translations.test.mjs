import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import gettextParser from 'gettext-parser';

import { repoRoot } from '../lib/paths.mjs';
import { buildLocale, jsonFileName } from '../make-translations.mjs';

const languages = join(repoRoot, 'plugin', 'languages');

test('zh_CN: every string translated, and the .po, .mo and settings JSON current with the .pot', () => {
	const run = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'make-translations.mjs'), '--check'], { encoding: 'utf8' });
	assert.equal(run.status, 0, run.stderr);
});

test('a string added to the .pot shows as untranslated, and the compiled .mo carries what PHP will read', () => {
	const pot = readFileSync(join(languages, 'logto-bridge.pot'), 'utf8');
	const po = readFileSync(join(languages, 'logto-bridge-zh_CN.po'));
	const built = buildLocale(`${pot}\nmsgid "A brand new string"\nmsgstr ""\n`, po);
	assert.deepEqual(built.untranslated, ['A brand new string']);
	const mo = gettextParser.mo.parse(readFileSync(join(languages, 'logto-bridge-zh_CN.mo')));
	assert.equal(mo.translations['']['Use another number'].msgstr[0], '使用其他号码');
	assert.equal(mo.translations['block title']['Logto sign-in'].msgstr[0], 'Logto 登录');
	// The settings app's strings only, under the name wp_set_script_translations() looks for.
	const json = JSON.parse(readFileSync(join(languages, jsonFileName('zh_CN')), 'utf8'));
	assert.deepEqual(json.locale_data.messages['Save settings'], ['保存设置']);
	assert.equal(json.locale_data.messages['Use another number'], undefined, 'a PHP-only string');
	assert.equal(jsonFileName('zh_CN'), 'logto-bridge-zh_CN-bac5f1582926cb4ec262faffff27903a.json', 'md5 of build/settings/index.js');
});
