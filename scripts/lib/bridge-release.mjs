// The bridge as a site owner installs it: bundled, packed by npm, and installed from that
// tarball into an empty folder with --omit=dev. The native runtime runs this copy, so the
// suite proves the release and not the source tree; bridge/test/release.test.ts checks the
// tarball's contents and its command, bridge/test/rolling-restart.test.ts installs 0.1.0's.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths.mjs';

const bridgeDir = join(repoRoot, 'bridge');

/** The script of the `logto-bridge` command a release installed in `home` runs. */
export const installedEntry = (home) => join(home, 'node_modules', '@logto-bridge', 'bridge', 'dist', 'logto-bridge.js');

/** Installs a bridge tarball into `home` with its run-time dependencies only; returns installedEntry(home). */
export function installTarball(tarball, home) {
	mkdirSync(home, { recursive: true });
	// --prefix: home is the project, never the repository around it (npm would walk up to it).
	execFileSync('npm', ['install', '--prefix', home, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { stdio: 'pipe' });
	return installedEntry(home);
}

/**
 * Builds and packs this bridge, then installs the tarball.
 * @param {string} dir  emptied, then holds the tarball (pack/) and the installation (home/)
 * @returns {{ tarball: string, files: string[], home: string, entry: string }}  files: what the tarball holds
 */
export function installBridgeRelease(dir) {
	rmSync(dir, { recursive: true, force: true });
	const packDir = join(dir, 'pack');
	const home = join(dir, 'home');
	mkdirSync(packDir, { recursive: true });
	execFileSync(process.execPath, ['build.mjs'], { cwd: bridgeDir, stdio: 'pipe' });
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: bridgeDir, encoding: 'utf8' }));
	const tarball = join(packDir, packed.filename);
	return { tarball, files: packed.files.map((f) => f.path), home, entry: installTarball(tarball, home) };
}
