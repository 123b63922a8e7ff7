import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';

import { repoRoot } from '../lib/wordpress.mjs';

test('the plugin (PHP) signs and verifies the shared HMAC vectors like the bridge', () => {
	const run = spawnSync(process.env.PHP_BIN ?? 'php', [join(repoRoot, 'plugin', 'tests', 'test-signature.php')], { encoding: 'utf8' });
	assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
	assert.match(run.stdout, /^\d+ passed, 0 failed$/m);
});
