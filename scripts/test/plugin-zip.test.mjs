import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import AdmZip from 'adm-zip';

import { FOLDER, pluginZipProblems, writePluginZip } from '../lib/plugin-zip.mjs';

// Needs plugin/build (npm test builds first).
test('the plugin zip holds one folder with what runs, and nothing else', () => {
	const zip = writePluginZip(mkdtempSync(join(tmpdir(), 'logto-zip-')));
	assert.deepEqual(pluginZipProblems(zip), []);
	const names = new AdmZip(zip).getEntries().map((e) => e.entryName);
	assert.ok(names.includes(`${FOLDER}/includes/login/class-sign-in-flow.php`));
	assert.ok(names.includes(`${FOLDER}/languages/logto-bridge-zh_CN.mo`));
	assert.ok(!names.some((n) => /\/(tests|src|node_modules)\/|\.map$|\/\./.test(n)), 'no tests, sources, maps or dotfiles');
});

test('the zip check refuses an extra file, a missing one, versions that disagree and an old "Tested up to"', () => {
	const good = new AdmZip(writePluginZip(mkdtempSync(join(tmpdir(), 'logto-zip-'))));
	const variant = (change) => {
		const zip = new AdmZip(good.toBuffer());
		change(zip);
		const out = join(mkdtempSync(join(tmpdir(), 'logto-zip-')), 'variant.zip');
		zip.writeZip(out);
		return pluginZipProblems(out).join('\n');
	};
	const readme = good.readAsText(`${FOLDER}/readme.txt`);
	assert.match(variant((z) => z.addFile(`${FOLDER}/tests/test-contract.php`, Buffer.from('<?php'))), /not a kind of file/);
	assert.match(variant((z) => z.addFile(`${FOLDER}/build/settings/index.js.map`, Buffer.from('{}'))), /not a kind of file/);
	assert.match(variant((z) => z.addFile('.env', Buffer.from('x'))), /outside the one folder/);
	assert.match(variant((z) => z.deleteFile(`${FOLDER}/uninstall.php`)), /uninstall\.php: missing/);
	assert.match(variant((z) => z.updateFile(`${FOLDER}/readme.txt`, Buffer.from(readme.replace(/Stable tag: \S+/, 'Stable tag: 9.9.9')))), /versions disagree/);
	assert.match(variant((z) => z.updateFile(`${FOLDER}/readme.txt`, Buffer.from(readme.replace(/Tested up to: \S+/, 'Tested up to: 6.4')))), /older than WordPress/);
	assert.match(variant((z) => z.updateFile(`${FOLDER}/readme.txt`, Buffer.from(readme.replace('== Upgrade Notice ==', '')))), /no == Upgrade Notice ==/);
	const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
	assert.match(readme, new RegExp(`Stable tag: ${version.replace(/\./g, '\\.')}`));
});
