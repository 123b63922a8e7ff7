// The whole local system on 127.0.0.1: WordPress (Playground) with the plugin, and,
// as they are added, the identity provider and the auth bridge. Used by `npm start`
// and by the end-to-end tests' global setup, so both run exactly the same thing.
import { join } from 'node:path';

import { repoRoot, startWordPress } from './wordpress.mjs';

/**
 * @param {object} options
 * @param {string} options.dataDir    state of this stack (.data for npm start, .data/e2e for tests)
 * @param {{ wordpress: number }} options.ports
 * @param {boolean} [options.fresh]  start from empty databases
 * @param {boolean} [options.echo]   print the services' output with a prefix
 * @param {number} [options.wpWorkers]
 */
export async function startStack({ dataDir, ports, fresh = false, echo = false, wpWorkers = 1 }) {
	const logDir = join(dataDir, 'logs');
	const wordpress = await startWordPress({
		port: ports.wordpress,
		dataDir,
		fresh,
		workers: wpWorkers,
		logFile: join(logDir, 'wordpress.log'),
		echo,
	});
	const services = [wordpress];
	return {
		wordpressUrl: wordpress.url,
		logDir,
		logFiles: services.map((s) => s.logFile),
		async stop() {
			for (const service of [...services].reverse()) {
				await service.stop();
			}
		},
	};
}

export const defaultDataDir = join(repoRoot, '.data');
export const e2eDataDir = join(repoRoot, '.data', 'e2e');
