// The bridge as a site owner installs it: bundled, packed by npm, and installed from that
// tarball into an empty folder with --omit=dev. The native runtime runs this copy, so the
// suite proves the release and not the source tree (bridge/test/release.test.ts checks the
// tarball's contents and its command).
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from './paths.mjs';

const bridgeDir = join(repoRoot, 'bridge');

/**
 * @param {string} dir  emptied, then holds the tarball (pack/) and the installation (home/)
 * @returns {{ tarball: string, entry: string }}  entry: the installed `logto-bridge` command's script
 */
export function installBridgeRelease(dir) {
	rmSync(dir, { recursive: true, force: true });
	const packDir = join(dir, 'pack');
	const home = join(dir, 'home');
	mkdirSync(packDir, { recursive: true });
	mkdirSync(home, { recursive: true });
	execFileSync(process.execPath, ['build.mjs'], { cwd: bridgeDir, stdio: 'pipe' });
	const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', packDir], { cwd: bridgeDir, encoding: 'utf8' }));
	const tarball = join(packDir, packed.filename);
	// --prefix: home is the project, never the repository around it (npm would walk up to it).
	execFileSync('npm', ['install', '--prefix', home, '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { stdio: 'pipe' });
	return { tarball, entry: join(home, 'node_modules', '@logto-bridge', 'bridge', 'dist', 'logto-bridge.js') };
}
