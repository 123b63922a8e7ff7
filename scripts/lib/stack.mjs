// The whole local system on 127.0.0.1: the Logto-compatible identity provider, the auth
// bridge and WordPress (Playground) with the plugin. Used by `npm start`
// and by the end-to-end tests' global setup, so both run exactly the same thing.
import { join } from 'node:path';

import { writeIdpClients } from './registration.mjs';
import { loadSecrets } from './secrets.mjs';
import { startBridge, startIdp } from './services.mjs';
import { startWordPress } from './wordpress.mjs';

export { defaultDataDir, e2eDataDir } from './paths.mjs';

/**
 * @param {object} options
 * @param {string} options.dataDir    state of this stack (.data for npm start, .data/e2e for tests)
 * @param {{ wordpress: number, bridge: number, idp: number }} options.ports
 * @param {boolean} [options.fresh]  start WordPress from an empty database
 * @param {boolean} [options.echo]   print the services' output with a prefix
 * @param {Array<[string, string]>} [options.wpMounts]  extra mounts into WordPress
 * @param {number} [options.wpWorkers]  PHP workers; several, since WordPress -> bridge -> WordPress calls nest and the block editor sends requests in parallel
 * @param {Record<string, string>} [options.bridgeEnv]  extra bridge settings (the e2e tests raise the sign-in rate limit)
 * @param {Record<string, string>} [options.idpEnv]  extra idp settings (the e2e tests raise the SMS limit per address)
 */
export async function startStack({ dataDir, ports, fresh = false, echo = false, wpMounts = [], wpWorkers = 4, bridgeEnv = {}, idpEnv = {} }) {
	const logDir = join(dataDir, 'logs');
	const secrets = loadSecrets(dataDir);
	const urls = {
		wordpress: `http://127.0.0.1:${ports.wordpress}`,
		bridge: `http://127.0.0.1:${ports.bridge}`,
		idp: `http://127.0.0.1:${ports.idp}`,
	};
	const services = [];
	const stop = async () => {
		for (const service of [...services].reverse()) await service.stop();
	};
	try {
		const clientsFile = writeIdpClients(dataDir, secrets, urls);
		services.push(await startIdp({ port: ports.idp, url: urls.idp, dataDir: join(dataDir, 'idp'), clientsFile, logDir, echo, env: idpEnv }));
		services.push(
			await startBridge({ port: ports.bridge, url: urls.bridge, wpUrl: urls.wordpress, sharedSecret: secrets.bridgeSecret, dataDir: join(dataDir, 'bridge'), logDir, echo, env: bridgeEnv }),
		);
		services.push(
			await startWordPress({
				port: ports.wordpress,
				dataDir,
				fresh,
				workers: wpWorkers,
				mounts: wpMounts,
				constants: {
					LOGTO_BRIDGE_SECRET: secrets.bridgeSecret,
					// Offline machine: fail calls to wordpress.org at once instead of holding
					// Playground's single PHP worker until they time out.
					WP_HTTP_BLOCK_EXTERNAL: true,
					WP_ACCESSIBLE_HOSTS: '127.0.0.1,localhost',
					// What this stack is; WordPress then offers application passwords over http.
					WP_ENVIRONMENT_TYPE: 'local',
				},
				initialSettings: {
					endpoint: urls.idp,
					app_id: secrets.appId,
					app_secret: secrets.appSecret,
					bridge_url: urls.bridge,
					login_mode: 'buttons',
					role_mapping: [{ logto_role: 'editor', wp_role: 'editor' }],
				},
				logFile: join(logDir, 'wordpress.log'),
				echo,
			}),
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		urls,
		secrets,
		smsOutbox: join(dataDir, 'idp', 'sms-outbox.jsonl'),
		pids: Object.fromEntries(services.map((s) => [s.name, s.pid])),
		wordpressUrl: urls.wordpress,
		logDir,
		stop,
	};
}
