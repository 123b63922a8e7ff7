// Servers started by root drop to an unprivileged account (Debian's package users); started by
// anyone else, they run as that user.
import { execFileSync } from 'node:child_process';

export const isRoot = () => process.getuid?.() === 0;

/** Gives `paths` to a system account when running as root (so the server run as it can write them). */
export function chownForRoot(user, ...paths) {
	if (!isRoot()) return;
	execFileSync('chown', ['-R', `${user}:`, ...paths]);
}
