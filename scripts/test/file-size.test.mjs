import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

import { repoRoot } from '../lib/paths.mjs';

// A file past 300 lines is split along its seams before more is added (issue #13): this keeps it so.
const MAX_LINES = 300;
const roots = ['plugin', 'bridge', 'idp', 'blocks', 'contract', 'testkit'];
const skip = /(^|\/)(node_modules|build|dist)(\/|$)|\.pot$/;

function* sources(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (skip.test(relative(repoRoot, path))) continue;
		if (entry.isDirectory()) yield* sources(path);
		else if (/\.(php|ts|tsx|mjs|js|scss)$/.test(entry.name)) yield path;
	}
}

test(`no source file of the plugin, the bridge, the idp or the blocks is over ${MAX_LINES} lines`, () => {
	const long = [];
	for (const root of roots) {
		for (const file of sources(join(repoRoot, root))) {
			const lines = readFileSync(file, 'utf8').split('\n').length - 1;
			if (lines > MAX_LINES) long.push(`${relative(repoRoot, file)}: ${lines} lines`);
		}
	}
	assert.deepEqual(long, []);
});
