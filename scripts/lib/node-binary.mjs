// Another Node.js for the bridge than the one running these scripts: npm's `node@<major>`
// package installs the official binary for this platform from the registry, once, under
// .data/node-<major>/. BRIDGE_NODE=22 (or 24, or a path to a node binary) picks it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths.mjs';

/** The node binary for `wanted` (a major version or a path); this process's own when unset. */
export function nodeBinary(wanted = process.env.BRIDGE_NODE) {
	if (!wanted) return process.execPath;
	if (!/^\d+$/.test(wanted)) {
		if (!existsSync(wanted)) throw new Error(`BRIDGE_NODE: ${wanted} is neither a Node.js major version nor a node binary`);
		return wanted;
	}
	const prefix = join(repoRoot, '.data', `node-${wanted}`);
	const binary = join(prefix, 'node_modules', '.bin', 'node');
	if (!existsSync(binary)) {
		execFileSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `node@${wanted}`], { stdio: 'inherit' });
	}
	const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
	if (!version.startsWith(`v${wanted}.`)) throw new Error(`BRIDGE_NODE=${wanted}: ${binary} is ${version}`);
	return binary;
}
