import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { repoRoot } from '../lib/paths.mjs';

// The plugin's CLI tests (php-cli, no WordPress): each asserts a fixture the TypeScript side
// asserts too, e.g. the HMAC vectors and the Logto extra-param vectors.
const dir = join(repoRoot, 'plugin', 'tests');
for (const file of readdirSync(dir).filter((f) => /^test-.*\.php$/.test(f))) {
	test(`plugin/tests/${file}`, () => {
		const run = spawnSync(process.env.PHP_BIN ?? 'php', [join(dir, file)], { encoding: 'utf8' });
		assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
		assert.match(run.stdout, /^[1-9]\d* passed, 0 failed$/m);
	});
}
