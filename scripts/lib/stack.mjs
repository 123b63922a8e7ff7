// The whole local system on 127.0.0.1: the Logto-compatible identity provider, the auth
// bridge and WordPress (Playground) with the plugin. Used by `npm start`
// and by the end-to-end tests' global setup, so both run exactly the same thing.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startService } from './processes.mjs';
import { repoRoot, startWordPress } from './wordpress.mjs';

export const defaultDataDir = join(repoRoot, '.data');
export const e2eDataDir = join(repoRoot, '.data', 'e2e');
export const defaultPorts = { wordpress: 8888, bridge: 3000, idp: 3001 };

/**
 * Credentials shared by the parts (the Logto app's ID and secret, the bridge secret),
 * made once per data folder so a restart keeps them.
 */
function loadSecrets(dataDir) {
	const file = join(dataDir, 'secrets.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
	const secrets = {
		appId: 'wordpress-local',
		appSecret: randomBytes(24).toString('base64url'),
		bridgeSecret: randomBytes(32).toString('hex'),
	};
	mkdirSync(dataDir, { recursive: true });
	writeFileSync(file, JSON.stringify(secrets, null, '\t'), { mode: 0o600 });
	return secrets;
}

/**
 * @param {object} options
 * @param {string} options.dataDir    state of this stack (.data for npm start, .data/e2e for tests)
 * @param {{ wordpress: number, bridge: number, idp: number }} options.ports
 * @param {boolean} [options.fresh]  start WordPress from an empty database
 * @param {boolean} [options.echo]   print the services' output with a prefix
 * @param {Array<[string, string]>} [options.wpMounts]  extra mounts into WordPress
 * @param {number} [options.wpWorkers]  PHP workers; several, since WordPress -> bridge -> WordPress calls nest and the block editor sends requests in parallel
 */
export async function startStack({ dataDir, ports, fresh = false, echo = false, wpMounts = [], wpWorkers = 4 }) {
	const logDir = join(dataDir, 'logs');
	const secrets = loadSecrets(dataDir);
	const urls = {
		wordpress: `http://127.0.0.1:${ports.wordpress}`,
		bridge: `http://127.0.0.1:${ports.bridge}`,
		idp: `http://127.0.0.1:${ports.idp}`,
	};
	// The WordPress app in the identity provider, registered as an admin would in Logto.
	const clientsFile = join(dataDir, 'idp-clients.json');
	writeFileSync(
		clientsFile,
		JSON.stringify([
			{
				client_id: secrets.appId,
				client_secret: secrets.appSecret,
				client_name: 'WordPress (local)',
				redirect_uris: [`${urls.bridge}/callback`],
				post_logout_redirect_uris: [`${urls.bridge}/sign-out/callback`, `${urls.wordpress}/`],
				backchannel_logout_uri: `${urls.bridge}/backchannel-logout`,
				backchannel_logout_session_required: true,
			},
		], null, '\t'),
	);
	const services = [];
	const stop = async () => {
		for (const service of [...services].reverse()) await service.stop();
	};
	try {
		const idpDataDir = join(dataDir, 'idp');
		// Our two Node services run from their TypeScript sources through tsx.
		const startNode = (name, script, env, readyPath) =>
			startService({
				name,
				command: process.execPath,
				args: ['--import', 'tsx', join(repoRoot, name, 'src', script)],
				cwd: repoRoot,
				env,
				logFile: join(logDir, `${name}.log`),
				echo,
				readyUrl: `${urls[name]}${readyPath}`,
				timeoutMs: 60_000,
			});
		services.push(
			await startNode(
				'idp',
				'server.ts',
				{
					IDP_PORT: String(ports.idp),
					IDP_DATA_DIR: idpDataDir,
					IDP_CLIENTS_FILE: clientsFile,
					IDP_SMS_OUTBOX: join(idpDataDir, 'sms-outbox.jsonl'),
				},
				'/oidc/.well-known/openid-configuration',
			),
		);
		services.push(
			await startNode(
				'bridge',
				'server.ts',
				{
					BRIDGE_PUBLIC_URL: urls.bridge,
					WP_URL: urls.wordpress,
					BRIDGE_SHARED_SECRET: secrets.bridgeSecret,
					PORT: String(ports.bridge),
					BRIDGE_DATA_DIR: join(dataDir, 'bridge'),
				},
				'/healthz',
			),
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
