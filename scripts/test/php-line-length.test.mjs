import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

import { repoRoot } from '../lib/paths.mjs';

// Lines a reader sees whole: 120 columns, a tab counted as 4. The one exception is a line that
// is nothing but a string literal: a translatable message (a translator's msgid must be one
// literal) or an SQL statement, already alone on its line.
const MAX = 120;
const loneString = /^\s*('([^'\\]|\\.)*'|"([^"\\]|\\.)*"),?$/;

function* phpFiles(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (/(^|\/)(node_modules|build)$/.test(path)) continue;
		if (entry.isDirectory()) yield* phpFiles(path);
		else if (entry.name.endsWith('.php')) yield path;
	}
}

test(`no PHP line is over ${MAX} columns, except a string literal alone on its line`, () => {
	const long = [];
	for (const root of ['plugin', 'blocks/src']) {
		for (const file of phpFiles(join(repoRoot, root))) {
			readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
				const width = line.replace(/\t/g, '    ').length;
				if (width > MAX && !loneString.test(line)) long.push(`${relative(repoRoot, file)}:${i + 1}: ${width} columns`);
			});
		}
	}
	assert.deepEqual(long, []);
});
