// A WordPress multisite network (subdirectory install: the main site and /b/, /c/; or subdomain:
// localhost and b.localhost, c.localhost, names Chromium resolves to loopback) with the plugin
// network-activated, on the native runtime's real parts (nginx over https, php-fpm, MariaDB), one
// bridge (the packed release on Redis) and one Logto app for the whole network. The network e2e
// suite (npm run test:network) runs on it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { installBridgeRelease } from './bridge-release.mjs';
import { repoRoot } from './paths.mjs';
import { ensureCertificate } from './native/tls.mjs';
import { startNginx } from './native/nginx.mjs';
import { startNativeWordPress } from './native/wordpress.mjs';
import { startRedis } from './native/redis.mjs';
import { writeIdpClients } from './registration.mjs';
import { startBridge, startIdp } from './services.mjs';
import { localSiteConstants } from './stack.mjs';

/**
 * @param {object} options
 * @param {string} options.dataDir  emptied first: every start is a fresh one
 * @param {string} options.tlsDir
 * @param {string[]} options.subsites  the sites besides the main one, each at /<name>/
 * @param {boolean} [options.subdomain]  each at <name>.localhost instead (only Chromium reaches them:
 *        PHP and Node resolve no such names, and need not: they call the main site and the bridge)
 * @param {'phone'|'buttons'|'redirect'} [options.loginMode]  the network's login mode
 * @param {{ wordpress: number, php: number, db: number, bridge: number, bridgeInstance: number, idp: number, redis: number }} options.ports
 */
export async function startNetworkStack({ dataDir, tlsDir, subsites, subdomain = false, loginMode = 'phone', ports }) {
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	const logDir = join(dataDir, 'logs');
	const urls = { wordpress: `https://${subdomain ? 'localhost' : '127.0.0.1'}:${ports.wordpress}`, bridge: `https://127.0.0.1:${ports.bridge}`, idp: `http://127.0.0.1:${ports.idp}` };
	const secrets = { appId: 'wordpress-network', appSecret: randomBytes(24).toString('base64url'), bridgeSecret: randomBytes(32).toString('hex') };
	const services = [];
	const stop = async () => {
		for (const service of [...services].reverse()) await service.stop();
	};
	try {
		const tls = ensureCertificate(tlsDir);
		const clientsFile = writeIdpClients(dataDir, secrets, urls);
		// The network's REST API: one resource, the main site's (Bearer_Auth::resource()).
		services.push(await startIdp({ port: ports.idp, dataDir: join(dataDir, 'idp'), clientsFile, logDir, env: { IDP_SMS_PER_IP_PER_HOUR: '100000', IDP_API_RESOURCE: `${urls.wordpress}/wp-json` } }));
		const redis = await startRedis({ port: ports.redis, dir: join(dataDir, 'redis'), logDir });
		services.push(redis);
		const { entry: release } = installBridgeRelease(join(dataDir, 'bridge-release'));
		const env = { REDIS_URL: redis.url, TRUST_PROXY: '1', NODE_EXTRA_CA_CERTS: tls.caFile, SIGN_IN_RATE_LIMIT: '100000' };
		services.push(await startBridge({ url: urls.bridge, wpUrl: urls.wordpress, sharedSecret: secrets.bridgeSecret, port: ports.bridgeInstance, release, instance: 'a', dataDir: join(dataDir, 'bridge'), logDir, env }));
		const wordpress = await startNativeWordPress({
			url: urls.wordpress,
			ports: { php: ports.php, db: ports.db },
			dir: join(dataDir, 'wordpress'),
			logDir,
			secret: secrets.bridgeSecret,
			caFile: tls.caFile,
			fresh: true,
			workers: 6,
			network: { subsites, subdomain },
			// WordPress strips a port from a new site's domain; this keeps it (a real network is on 443).
			mounts: [[join(repoRoot, 'e2e', 'network', 'mu-plugins'), '/wordpress/wp-content/mu-plugins']],
			constants: localSiteConstants(secrets.bridgeSecret),
			initialSettings: {
				endpoint: urls.idp,
				app_id: secrets.appId,
				app_secret: secrets.appSecret,
				bridge_url: urls.bridge,
				login_mode: loginMode,
				create_users: true,
				default_role: 'subscriber',
			},
		});
		services.push(...wordpress.services);
		const site = { port: ports.wordpress, root: wordpress.coreDir, phpPort: ports.php, network: !subdomain };
		services.push(await startNginx({ dir: join(dataDir, 'nginx'), logDir, tls, wordpress: site, bridge: { port: ports.bridge, upstreams: [ports.bridgeInstance] } }));
		return { urls, secrets, tls, logDir, coreDir: wordpress.coreDir, dbDir: join(dataDir, 'wordpress'), smsOutbox: join(dataDir, 'idp', 'sms-outbox.jsonl'), stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
