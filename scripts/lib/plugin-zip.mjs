// The plugin as WordPress installs it: one folder, logto-bridge/, with what runs and nothing
// else. writePluginZip() makes dist/logto-bridge-<version>.zip; pluginZipProblems() opens a zip
// and says what is wrong with it (a missing or extra kind of file, versions that disagree, a
// "Tested up to" older than the WordPress the suite runs on).
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import AdmZip from 'adm-zip';

import { repoRoot } from './paths.mjs';

const pluginDir = join(repoRoot, 'plugin');
export const FOLDER = 'logto-bridge';

const newer = (a, b) => {
	const [x, y] = [a, b].map((v) => v.split('.').map(Number));
	return x[0] !== y[0] ? x[0] > y[0] : (x[1] ?? 0) > (y[1] ?? 0);
};

/** The newest WordPress CI runs the whole suite on: the newest core .ci/run gives WP_CORE, or npm's 6.5. */
export function newestTestedWordPress() {
	const ci = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
	return [...ci.matchAll(/wordpress-(\d+\.\d+)(?:\.\d+)?\.tar\.xz/g)].map((m) => m[1]).reduce((a, b) => (newer(b, a) ? b : a), '6.5');
}

// What ships, as paths inside logto-bridge/: the bootstrap, the uninstaller, the readme, the
// classes, the built block and settings app, the runtime shim, and the translations.
const SHIPS = [
	/^logto-bridge\.php$/,
	/^uninstall\.php$/,
	/^readme\.txt$/,
	/^includes\/([a-z]+\/)?class-[a-z-]+\.php$/,
	/^build\/(sign-in|settings)\/(index\.js|index\.asset\.php|style-index(-rtl)?\.css|block\.json|render\.php)$/,
	/^assets\/react-jsx-runtime\.js$/,
	/^languages\/logto-bridge(-[a-z]{2}_[A-Z]{2})?\.(pot|po|mo)$/,
	/^languages\/logto-bridge-[a-z]{2}_[A-Z]{2}-[0-9a-f]{32}\.json$/,
];
// Every kind that must be there at least once.
const REQUIRED = ['logto-bridge.php', 'uninstall.php', 'readme.txt', 'includes/class-plugin.php', 'build/sign-in/block.json', 'build/sign-in/render.php', 'build/settings/index.js', 'languages/logto-bridge.pot'];

function* files(dir) {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}

/** The plugin's version as each place states it. */
export function versions(read) {
	const header = /^\s*\*\s*Version:\s*(\S+)/m.exec(read('logto-bridge.php'))?.[1];
	const readme = read('readme.txt');
	const stable = /^Stable tag:\s*(\S+)/m.exec(readme)?.[1];
	const changelog = /== Changelog ==\s*=\s*([^\s=]+)\s*=/.exec(readme)?.[1];
	return { header, stable, changelog };
}

/** Writes dist/logto-bridge-<version>.zip from plugin/ (built first: `npm run build`). */
export function writePluginZip(outDir = join(repoRoot, 'dist')) {
	if (!existsSync(join(pluginDir, 'build', 'settings', 'index.js'))) throw new Error('plugin/build is missing: run npm run build first');
	const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
	const zip = new AdmZip();
	for (const file of files(pluginDir)) {
		const path = relative(pluginDir, file);
		if (SHIPS.some((rule) => rule.test(path))) zip.addFile(`${FOLDER}/${path}`, readFileSync(file));
	}
	mkdirSync(outDir, { recursive: true });
	const out = join(outDir, `${FOLDER}-${version}.zip`);
	zip.writeZip(out);
	return out;
}

/** Everything wrong with a plugin zip; empty when it is what WordPress should install. */
export function pluginZipProblems(zipFile) {
	const zip = new AdmZip(zipFile);
	const names = zip.getEntries().filter((e) => !e.isDirectory).map((e) => e.entryName);
	const problems = [];
	for (const name of names) {
		if (!name.startsWith(`${FOLDER}/`)) problems.push(`${name}: outside the one folder ${FOLDER}/`);
		else if (!SHIPS.some((rule) => rule.test(name.slice(FOLDER.length + 1)))) problems.push(`${name}: not a kind of file the plugin ships`);
	}
	for (const path of REQUIRED) if (!names.includes(`${FOLDER}/${path}`)) problems.push(`${FOLDER}/${path}: missing`);
	const read = (path) => zip.readAsText(`${FOLDER}/${path}`);
	if (problems.length) return problems;
	const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
	const stated = { ...versions(read), package: version };
	if (new Set(Object.values(stated)).size !== 1) problems.push(`versions disagree: ${JSON.stringify(stated)}`);
	const tested = /^Tested up to:\s*(\S+)/m.exec(read('readme.txt'))?.[1] ?? '0';
	const newest = newestTestedWordPress();
	if (newer(newest, tested)) problems.push(`Tested up to ${tested} is older than WordPress ${newest}, which the suite runs on`);
	for (const field of ['Contributors', 'Tags', 'Requires at least', 'Tested up to', 'Requires PHP', 'Stable tag', 'License']) {
		if (!new RegExp(`^${field}:`, 'm').test(read('readme.txt'))) problems.push(`readme.txt: no ${field}`);
	}
	for (const section of ['Description', 'Installation', 'Frequently Asked Questions', 'Screenshots', 'Changelog', 'Upgrade Notice']) {
		if (!read('readme.txt').includes(`== ${section} ==`)) problems.push(`readme.txt: no == ${section} ==`);
	}
	const header = read('logto-bridge.php');
	for (const field of ['Requires at least', 'Requires PHP']) {
		const inHeader = new RegExp(`^\\s*\\*\\s*${field}:\\s*(\\S+)`, 'm').exec(header)?.[1];
		const inReadme = new RegExp(`^${field}:\\s*(\\S+)`, 'm').exec(read('readme.txt'))?.[1];
		if (inHeader !== inReadme) problems.push(`${field}: ${inHeader} in the plugin header, ${inReadme} in readme.txt`);
	}
	return problems;
}
