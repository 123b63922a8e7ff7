// The system side of the native runtime. Its commands must exist (a missing one names its
// package). Servers started by root drop to an unprivileged account (Debian's package users)
// when those accounts can reach the repository (every parent folder searchable by others);
// otherwise, and when started by anyone else, they run as the current user.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';

import { repoRoot } from '../paths.mjs';

export const isRoot = () => process.getuid?.() === 0;

function othersCanReach(path) {
	for (let dir = path; ; dir = dirname(dir)) {
		if ((statSync(dir).mode & 0o001) === 0) return false;
		if (dirname(dir) === dir) return true;
	}
}

let warned = false;
/** Whether servers run as their own system accounts (root, and those accounts can reach the repository). */
export function dropsPrivileges() {
	if (!isRoot()) return false;
	if (othersCanReach(repoRoot)) return true;
	if (!warned) {
		warned = true;
		console.warn(`native runtime: ${repoRoot} is not reachable by other accounts, so MariaDB, php-fpm and nginx run as root`);
	}
	return false;
}

/** Gives `paths` to a system account when servers drop privileges (so the server run as it can write them). */
export function chownForRoot(user, ...paths) {
	if (!dropsPrivileges()) return;
	execFileSync('chown', ['-R', `${user}:`, ...paths]);
}

/** Fails with the package to install when a command of the native runtime is missing. */
export function needs(command, aptPackage) {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'pipe' });
	} catch {
		throw new Error(`the native runtime needs ${command}: apt-get install ${aptPackage} (see docs/dev-stack.md, "Native runtime")`);
	}
}
