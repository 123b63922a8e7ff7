#!/usr/bin/env node
// Assembles a complete WordPress 6.5.5 from the npm package @wp-playground/wordpress-builds:
// the zip holds the PHP (a minified build), public/wp-6.5/ the static assets the zip leaves
// out. Idempotent: a marker records which build was assembled, so a second run is a no-op.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('@wp-playground/wordpress-builds/package.json'));
const pkgVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
const wanted = `@wp-playground/wordpress-builds@${pkgVersion} wp-6.5`;

export const defaultCoreDir = join(root, '.data', 'wordpress');

/** @param {string} [coreDir] */
export function assembleWordPress(coreDir = defaultCoreDir) {
	const marker = join(coreDir, '.assembled-from');
	if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === wanted) {
		return coreDir;
	}
	const databaseDir = join(coreDir, 'wp-content', 'database');
	rmSync(coreDir, { recursive: true, force: true });
	mkdirSync(coreDir, { recursive: true });
	execFileSync('unzip', ['-q', '-o', join(pkgDir, 'src/wordpress/wp-6.5.zip'), '-d', coreDir]);
	cpSync(join(pkgDir, 'public/wp-6.5'), coreDir, {
		recursive: true,
		// The build ships a ready-made database; every site here installs its own.
		filter: (src) => !src.includes(`${sep}wp-content${sep}database`),
	});
	rmSync(join(coreDir, 'wordpress-remote-asset-paths'), { force: true });
	rmSync(databaseDir, { recursive: true, force: true });
	mkdirSync(databaseDir, { recursive: true });
	mkdirSync(join(coreDir, 'wp-content', 'plugins'), { recursive: true });
	writeFileSync(marker, `${wanted}\n`);
	return coreDir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	console.log(`WordPress 6.5 assembled in ${assembleWordPress(process.argv[2] ?? defaultCoreDir)}`);
}
