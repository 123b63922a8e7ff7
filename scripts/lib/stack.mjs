// The whole local system on 127.0.0.1: the Logto-compatible identity provider, the auth
// bridge and WordPress with the plugin. Used by `npm start`, the end-to-end tests' global
// setup and the benchmarks, so all run exactly the same thing, on either runtime:
// - playground (default): WordPress in WordPress Playground (PHP in WebAssembly, SQLite), one bridge;
// - native (WP_RUNTIME=native): nginx over https (a local CA, deploy/'s server block for the
//   bridge), php-fpm, MariaDB, and two instances of the bridge's packed release behind nginx
//   sharing Redis.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { ensureNativeApp } from './app-registration.mjs';
import { installBridgeRelease } from './bridge-release.mjs';
import { startAppServer } from './app-server.mjs';
import { ensureCertificate } from './native/tls.mjs';
import { startNginx } from './native/nginx.mjs';
import { startRedis } from './native/redis.mjs';
import { writeIdpClients } from './registration.mjs';
import { loadSecrets } from './secrets.mjs';
import { startBridge, startIdp } from './services.mjs';
import { startWordPress } from './start-wordpress.mjs';
import { repoRoot } from './paths.mjs';

export { defaultDataDir, e2eDataDir } from './paths.mjs';

/** wp-config constants of every local WordPress (this stack's, and the many-sites and network suites'). */
export const localSiteConstants = (bridgeSecret) => ({
	LOGTO_BRIDGE_SECRET: bridgeSecret,
	// Offline machine: fail calls to wordpress.org at once instead of holding a PHP worker
	// until they time out.
	WP_HTTP_BLOCK_EXTERNAL: true,
	WP_ACCESSIBLE_HOSTS: '127.0.0.1,localhost',
	// What this stack is; WordPress then offers application passwords over http.
	WP_ENVIRONMENT_TYPE: 'local',
	// Plugins are installed and deleted in wp-admin by the PHP user itself, never over FTP.
	FS_METHOD: 'direct',
});

/** The runtime WP_RUNTIME asks for. */
export function runtimeFromEnv() {
	const runtime = process.env.WP_RUNTIME ?? 'playground';
	if (runtime !== 'playground' && runtime !== 'native') throw new Error(`WP_RUNTIME must be "playground" or "native", got "${runtime}"`);
	return runtime;
}

/**
 * @typedef {{ wordpress: number, bridge: number, idp: number, app?: number, bridgeInstances?: number[], php?: number, db?: number, redis?: number }} StackPorts
 *
 * @param {object} options
 * @param {string} options.dataDir    state of this stack (.data for npm start, .data/e2e for tests)
 * @param {StackPorts} options.ports  app: the mobile app's web build (served when built); the last four only for the native runtime
 * @param {'playground'|'native'} [options.runtime]
 * @param {string} [options.tlsDir]   where the native runtime's CA and certificate live (default: under dataDir)
 * @param {boolean} [options.fresh]  start WordPress from an empty database
 * @param {boolean} [options.echo]   print the services' output with a prefix
 * @param {Array<[string, string]>} [options.wpMounts]  extra folders in WordPress, as Playground paths (/wordpress/...)
 * @param {number} [options.wpWorkers]  PHP workers; several, since WordPress -> bridge -> WordPress calls nest and the block editor sends requests in parallel
 * @param {Record<string, string>} [options.bridgeEnv]  extra bridge settings (the e2e tests raise the sign-in rate limit)
 * @param {Record<string, string>} [options.idpEnv]  extra idp settings (the e2e tests raise the SMS limit per address)
 */
export async function startStack({ dataDir, ports, runtime = 'playground', tlsDir, fresh = false, echo = false, wpMounts = [], wpWorkers = 4, bridgeEnv = {}, idpEnv = {} }) {
	const native = runtime === 'native';
	if (native && process.env.WP_PHP) throw new Error('WP_PHP picks the PHP of the Playground runtime; the native runtime runs Debian\'s php-fpm (8.2)');
	const logDir = join(dataDir, 'logs');
	const secrets = loadSecrets(dataDir);
	const scheme = native ? 'https' : 'http';
	const urls = {
		wordpress: `${scheme}://127.0.0.1:${ports.wordpress}`,
		bridge: `${scheme}://127.0.0.1:${ports.bridge}`,
		idp: `http://127.0.0.1:${ports.idp}`,
		...(ports.app ? { app: `http://127.0.0.1:${ports.app}` } : {}),
	};
	const services = [];
	const stop = async () => {
		for (const service of [...services].reverse()) await service.stop();
	};
	const constants = localSiteConstants(secrets.bridgeSecret);
	// IDP_EMPTY=1: the idp starts as a fresh tenant without the WordPress app, and the site
	// knows only its bridge, so "Set up Logto for me" can be tried from zero.
	const empty = /^(1|true|on)$/.test(idpEnv.IDP_EMPTY ?? process.env.IDP_EMPTY ?? '');
	const initialSettings = {
		...(empty ? {} : { endpoint: urls.idp, app_id: secrets.appId, app_secret: secrets.appSecret }),
		bridge_url: urls.bridge,
		login_mode: 'buttons',
		role_mapping: [{ logto_role: 'editor', wp_role: 'editor' }],
	};
	let tls;
	/** The mobile app's web build and its Logto Native app, when served. */
	let nativeApp = null;
	let wordpressDir = join(dataDir, 'wordpress');
	try {
		const clientsFile = writeIdpClients(dataDir, secrets, urls);
		// The site's REST API is an API resource of the idp, so apps get access tokens for it.
		services.push(await startIdp({ port: ports.idp, dataDir: join(dataDir, 'idp'), clientsFile, logDir, echo, env: { IDP_API_RESOURCE: `${urls.wordpress}/wp-json`, ...idpEnv } }));
		// The mobile app's Logto Native app, registered before WordPress starts: the site lists it
		// among the apps allowed to use its REST API.
		const appDir = join(repoRoot, 'mobile', 'dist');
		if (urls.app && !empty && existsSync(join(appDir, 'index.html'))) {
			nativeApp = { id: await ensureNativeApp(urls.idp, 'WordPress app (local)', urls.app), url: urls.app };
			initialSettings.api_clients = nativeApp.id;
		}
		const bridge = { url: urls.bridge, wpUrl: urls.wordpress, sharedSecret: secrets.bridgeSecret, logDir, echo };
		const site = { url: urls.wordpress, dataDir, logDir, fresh, constants, initialSettings, mounts: wpMounts, workers: wpWorkers, echo };
		if (!native) {
			services.push(await startBridge({ ...bridge, port: ports.bridge, dataDir: join(dataDir, 'bridge'), env: bridgeEnv }));
			const wordpress = await startWordPress('playground', { ...site, port: ports.wordpress });
			services.push(...wordpress.services);
		} else {
			const nativeDir = join(dataDir, 'native');
			tls = ensureCertificate(tlsDir ?? join(nativeDir, 'tls'));
			const redis = await startRedis({ port: ports.redis, dir: join(nativeDir, 'redis'), logDir });
			services.push(redis);
			// Two instances behind nginx's round robin, sharing Redis: a sign-in may start on one and end on the other.
			// Both run the release a site owner installs: the tarball, installed with --omit=dev.
			const { entry: release } = installBridgeRelease(join(nativeDir, 'bridge-release'));
			for (const [i, port] of ports.bridgeInstances.entries()) {
				const env = { REDIS_URL: redis.url, TRUST_PROXY: '1', NODE_EXTRA_CA_CERTS: tls.caFile, ...bridgeEnv };
				services.push(await startBridge({ ...bridge, port, release, instance: String.fromCharCode(97 + i), dataDir: join(dataDir, `bridge-${i + 1}`), env }));
			}
			const native = { ports: { php: ports.php, db: ports.db }, secret: secrets.bridgeSecret, caFile: tls.caFile };
			const wordpress = await startWordPress('native', { ...site, port: ports.wordpress, native });
			services.push(...wordpress.services);
			wordpressDir = wordpress.coreDir;
			services.push(
				await startNginx({
					dir: join(nativeDir, 'nginx'),
					logDir,
					tls,
					wordpress: { port: ports.wordpress, root: wordpress.coreDir, phpPort: ports.php },
					bridge: { port: ports.bridge, upstreams: ports.bridgeInstances },
				}),
			);
		}
		if (nativeApp) {
			const config = { endpoint: urls.idp, appId: nativeApp.id, site: urls.wordpress, resource: `${urls.wordpress}/wp-json` };
			services.push(await startAppServer({ port: ports.app, dir: appDir, config }));
		}
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		runtime,
		urls,
		secrets,
		tls,
		smsOutbox: join(dataDir, 'idp', 'sms-outbox.jsonl'),
		nativeApp,
		// Child processes only (the app's web build is served from this process).
		pids: Object.fromEntries(services.filter((s) => s.pid !== process.pid).map((s) => [s.name, s.pid])),
		/** Each service by name (`redis`, `bridge-a`, `mariadb`, ...), to stop or crash and start again (fault tests). */
		services: Object.fromEntries(services.map((s) => [s.name, s])),
		wordpressUrl: urls.wordpress,
		wordpressDir,
		logDir,
		stop,
	};
}
