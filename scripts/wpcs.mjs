// The WordPress Coding Standards on the plugin (phpcs-wpcs.xml.dist), through a PHP_CodeSniffer
// that has WPCS installed: $WPCS_PHPCS, or ../shared/phpcs/phpcs beside this checkout. Neither
// is on npm or in Debian; without one this says so and leaves the core-sniff subset
// (phpcs.xml.dist, Debian's phpcs) as the only style check.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './lib/paths.mjs';

const phpcs = process.env.WPCS_PHPCS ?? join(repoRoot, '..', 'shared', 'phpcs', 'phpcs');
if (!existsSync(phpcs)) {
	console.log(`wpcs: no PHP_CodeSniffer with the WordPress Coding Standards at ${phpcs} (set WPCS_PHPCS): the WordPress standard was NOT checked; only phpcs.xml.dist's core sniffs ran.`);
	process.exit(0);
}
const run = spawnSync(phpcs, ['--standard=' + join(repoRoot, 'phpcs-wpcs.xml.dist'), '--report=full'], { cwd: repoRoot, stdio: 'inherit' });
if (run.status === 0) console.log('wpcs: the plugin follows the WordPress Coding Standards (WPCS, security sniffs included).');
process.exit(run.status ?? 1);
