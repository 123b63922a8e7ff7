// Runs WordPress 6.5.5 offline in WordPress Playground (PHP compiled to WebAssembly),
// with core assembled from the npm registry and our plugin mounted and active.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { assembleWordPress } from '../assemble-wordpress.mjs';
import { repoRoot } from './paths.mjs';
import { startService } from './processes.mjs';

const require = createRequire(import.meta.url);
const playgroundCli = join(dirname(require.resolve('@wp-playground/cli/package.json')), 'wp-playground.js');

/** PHP versions the plugin claims ("Requires PHP: 7.4") up to the newest Playground runs here. */
export const PLAYGROUND_PHP_VERSIONS = ['7.4', '8.0', '8.1', '8.2', '8.3', '8.4'];

/** The PHP version WP_PHP asks for (CI runs a subset of the suite on 7.4 and 8.4); 8.3 by default. */
export function playgroundPhpFromEnv() {
	const php = process.env.WP_PHP || '8.3';
	if (!PLAYGROUND_PHP_VERSIONS.includes(php)) throw new Error(`WP_PHP must be one of ${PLAYGROUND_PHP_VERSIONS.join(', ')}, got "${php}"`);
	return php;
}

/**
 * @param {object} options
 * @param {number} options.port
 * @param {string} options.dataDir       folder holding this site's core (wordpress/, with its database)
 * @param {boolean} [options.fresh]      throw away the database first
 * @param {Record<string,string|boolean>} [options.constants]  wp-config constants
 * @param {Record<string,unknown>} [options.initialSettings] Logto settings saved once, when none exist yet
 * @param {Array<[string, string]>} [options.mounts]  extra host:vfs mounts (tests add a probe mu-plugin)
 * @param {number} [options.workers]
 * @param {string} [options.logFile]
 * @param {boolean} [options.echo]
 */
export async function startPlaygroundWordPress({ port, dataDir, fresh = false, constants = {}, initialSettings, mounts = [], workers = 1, logFile, echo = false }) {
	const coreDir = join(dataDir, 'wordpress');
	const php = playgroundPhpFromEnv();
	assembleWordPress(coreDir);
	if (fresh) {
		rmSync(join(coreDir, 'wp-content', 'database', '.ht.sqlite'), { force: true });
	}
	const blueprintFile = join(dataDir, 'wp-blueprint.json');
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(
		blueprintFile,
		JSON.stringify({
			// The CLI's --php only labels its banner when a blueprint file is given: the workers take
			// the blueprint's version, "latest" (8.5) without one (the php-version spec caught it).
			preferredVersions: { php, wp: '6.5' },
			steps: [
				{ step: 'defineWpConfigConsts', consts: constants },
				{ step: 'activatePlugin', pluginPath: 'logto-bridge/logto-bridge.php' },
				// Pre-fill Logto > Settings for the local identity provider, but never overwrite
				// what an admin saved since (the blueprint runs at every start).
				...(initialSettings
					? [
							{
								step: 'runPHP',
								code: `<?php require '/wordpress/wp-load.php'; if ( false === get_option( 'logto_bridge_settings' ) ) { update_option( 'logto_bridge_settings', json_decode( ${JSON.stringify(JSON.stringify(initialSettings)).replace(/\$/g, '\\$')}, true ), true ); }`,
							},
						]
					: []),
			],
		}, null, '\t'),
	);
	const url = `http://127.0.0.1:${port}`;
	const service = await startService({
		name: 'wordpress',
		command: process.execPath,
		args: [
			// The CLI has no option for its address and would listen on every interface.
			'--import',
			join(repoRoot, 'scripts', 'lib', 'loopback-only.mjs'),
			playgroundCli,
			'server',
			`--port=${port}`,
			`--site-url=${url}`,
			`--php=${php}`,
			'--wp=6.5',
			`--workers=${workers}`,
			`--mount-before-install=${coreDir}:/wordpress`,
			`--mount=${join(repoRoot, 'plugin')}:/wordpress/wp-content/plugins/logto-bridge`,
			...mounts.map(([host, vfs]) => `--mount=${host}:${vfs}`),
			'--wordpress-install-mode=install-from-existing-files-if-needed',
			`--blueprint=${blueprintFile}`,
		],
		logFile,
		echo,
		readyUrl: `${url}/wp-login.php`,
		timeoutMs: 180_000,
	});
	return { url, coreDir, services: [service] };
}
