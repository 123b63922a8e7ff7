// WordPress on either runtime behind one shape: the same options in, { url, coreDir, services }
// out (services stop in reverse order with the rest of the stack).
import { join } from 'node:path';

import { startNativeWordPress } from './native/wordpress.mjs';
import { startPlaygroundWordPress } from './playground-wordpress.mjs';

/**
 * @param {'playground'|'native'} runtime
 * @param {object} options
 * @param {string} options.url        the site's URL (Playground serves it on `port` itself; the native
 *                                    runtime's php-fpm needs nginx in front, which the stack starts)
 * @param {number} options.port
 * @param {string} options.dataDir    this site's folder (core, database)
 * @param {string} options.logDir
 * @param {boolean} [options.fresh]   throw the database away first
 * @param {Record<string,string|boolean>} [options.constants]  wp-config constants
 * @param {Record<string,unknown>} [options.initialSettings]   Logto settings saved when none exist yet
 * @param {Array<[string, string]>} [options.mounts]           host folder, Playground path (/wordpress/...)
 * @param {number} [options.workers]
 * @param {boolean} [options.echo]
 * @param {{ ports: { php: number, db: number }, secret: string, caFile: string }} [options.native]
 *        what only the native runtime needs: php-fpm's and MariaDB's ports, the secret its database
 *        password derives from, and the local CA WordPress must trust to call the bridge
 * @returns {Promise<{ url: string, coreDir: string, services: Array<{ stop(): Promise<void> }> }>}
 */
export function startWordPress(runtime, { url, port, dataDir, logDir, fresh = false, constants = {}, initialSettings, mounts = [], workers = 1, echo = false, native }) {
	if (runtime === 'native') {
		if (!native) throw new Error('the native runtime needs php-fpm and MariaDB ports, the secret and the CA');
		const { ports, secret, caFile } = native;
		return startNativeWordPress({ url, ports, dir: join(dataDir, 'native'), logDir, secret, caFile, fresh, constants, initialSettings, mounts, workers: Math.max(workers, 8) });
	}
	// Playground boots its own WordPress build (6.5.5); another core is the native runtime's.
	if (process.env.WP_CORE) throw new Error('WP_CORE (another WordPress core) needs the native runtime: WP_RUNTIME=native');
	return startPlaygroundWordPress({ port, dataDir, fresh, workers, mounts, constants, initialSettings, logFile: join(logDir, 'wordpress.log'), echo });
}
