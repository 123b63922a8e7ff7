#!/usr/bin/env node
// `php -l` on every PHP file of the plugin (sources and built render.php files).
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

import { repoRoot } from './lib/paths.mjs';

const php = process.env.PHP_BIN ?? 'php';
if (spawnSync(php, ['--version']).status !== 0) {
	console.error(`php-lint: no PHP CLI found ("${php}"). Install Debian's php-cli (apt-get install php-cli) or set PHP_BIN.`);
	process.exit(1);
}

function* phpFiles(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* phpFiles(path);
		else if (entry.name.endsWith('.php')) yield path;
	}
}

let failed = 0;
let count = 0;
for (const dir of [join(repoRoot, 'plugin'), join(repoRoot, 'blocks', 'src')]) {
	for (const file of phpFiles(dir)) {
		count++;
		try {
			execFileSync(php, ['-l', '-d', 'display_errors=1', file], { stdio: 'pipe' });
		} catch (error) {
			failed++;
			console.error(`${relative(repoRoot, file)}: ${error.stdout?.toString().trim() || error.message}`);
		}
	}
}
console.log(`php-lint: ${count} files, ${failed} with syntax errors`);
process.exit(failed ? 1 : 0);
