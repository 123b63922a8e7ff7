#!/usr/bin/env node
// Assembles a complete WordPress core. By default 6.5.5 from the npm package
// @wp-playground/wordpress-builds (the zip holds the PHP, a minified build; public/wp-6.5/ the
// static assets the zip leaves out), so a fresh machine needs nothing else. The native runtime
// may take another core instead (WP_CORE: a release's .tar.xz, or a folder), e.g. WordPress 7.1.
// Idempotent: a marker records what was assembled, so a second run is a no-op.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@wp-playground/wordpress-builds/package.json'));
const pkgVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const wanted = `@wp-playground/wordpress-builds@${pkgVersion} wp-6.5`;

export const defaultCoreDir = join(root, '.data', 'wordpress');

/**
 * The WordPress version of an assembled core (wp-includes/version.php).
 * @param {string} coreDir
 */
export function wordpressVersion(coreDir) {
	return /\$wp_version = '([^']+)'/.exec(readFileSync(join(coreDir, 'wp-includes', 'version.php'), 'utf8'))?.[1] ?? 'unknown';
}

/**
 * @param {string} [coreDir]
 * @param {string} [source]  a WordPress release (.tar.xz, unpacking to wordpress/) or a core folder; default npm's 6.5.5
 */
export function assembleWordPress(coreDir = defaultCoreDir, source = undefined) {
	// Relative to where the command was typed: npm runs workspace scripts in the workspace's folder.
	const from = source ? resolve(process.env.INIT_CWD ?? process.cwd(), source) : undefined;
	if (from && !existsSync(from)) throw new Error(`WP_CORE: ${from} does not exist (a WordPress .tar.xz or a core folder)`);
	const wantedHere = from ? `${from} ${statSync(from).size} ${statSync(from).mtimeMs}` : wanted;
	const marker = join(coreDir, '.assembled-from');
	if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === wantedHere) {
		return coreDir;
	}
	const databaseDir = join(coreDir, 'wp-content', 'database');
	rmSync(coreDir, { recursive: true, force: true });
	mkdirSync(coreDir, { recursive: true });
	if (from && statSync(from).isDirectory()) {
		cpSync(from, coreDir, { recursive: true });
	} else if (from) {
		const unpacked = mkdtempSync(join(tmpdir(), 'wordpress-'));
		execFileSync('tar', ['-xJf', from, '-C', unpacked]);
		cpSync(join(unpacked, 'wordpress'), coreDir, { recursive: true });
		rmSync(unpacked, { recursive: true, force: true });
	} else {
		execFileSync('unzip', ['-q', '-o', join(pkgDir, 'src/wordpress/wp-6.5.zip'), '-d', coreDir]);
		cpSync(join(pkgDir, 'public/wp-6.5'), coreDir, {
			recursive: true,
			// The build ships a ready-made database; every site here installs its own.
			filter: (src) => !src.includes(`${sep}wp-content${sep}database`),
		});
		rmSync(join(coreDir, 'wordpress-remote-asset-paths'), { force: true });
	}
	rmSync(databaseDir, { recursive: true, force: true });
	mkdirSync(databaseDir, { recursive: true });
	mkdirSync(join(coreDir, 'wp-content', 'plugins'), { recursive: true });
	writeFileSync(marker, `${wantedHere}\n`);
	return coreDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const dir = assembleWordPress(process.argv[2] ?? defaultCoreDir, process.env.WP_CORE);
	console.log(`WordPress ${wordpressVersion(dir)} assembled in ${dir}`);
}
