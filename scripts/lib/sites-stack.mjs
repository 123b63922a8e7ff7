// Several independent WordPress sites on one bridge (BRIDGE_SITES_FILE), on the native runtime's
// real parts: each site its own MariaDB, php-fpm pool, shared secret and Logto app; one nginx
// in front of them all and of the bridge's packed release (on Redis); one idp with an app per
// site. The many-sites e2e suite (npm run test:many-sites) runs on it.
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { tsImport } from 'tsx/esm/api';

import { installBridgeRelease } from './bridge-release.mjs';
import { ensureCertificate } from './native/tls.mjs';
import { startNginx } from './native/nginx.mjs';
import { startNativeWordPress } from './native/wordpress.mjs';
import { startRedis } from './native/redis.mjs';
import { startBridge, startIdp } from './services.mjs';
import { localSiteConstants } from './stack.mjs';

const { appRegistration } = await tsImport('@logto-bridge/contract', import.meta.url);

/**
 * @param {object} options
 * @param {string} options.dataDir  emptied first: every start is a fresh one
 * @param {string} options.tlsDir
 * @param {string[]} options.siteIds  the bridge's site ids, one WordPress each
 * @param {{ bridge: number, bridgeInstance: number, idp: number, redis: number, sites: Array<{ wordpress: number, php: number, db: number }> }} options.ports
 */
export async function startSitesStack({ dataDir, tlsDir, siteIds, ports }) {
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	const logDir = join(dataDir, 'logs');
	const bridgeUrl = `https://127.0.0.1:${ports.bridge}`;
	const idpUrl = `http://127.0.0.1:${ports.idp}`;
	const sites = siteIds.map((id, i) => ({
		id,
		url: `https://127.0.0.1:${ports.sites[i].wordpress}`,
		bridgeUrl: `${bridgeUrl}/sites/${id}`,
		dataDir: join(dataDir, `site-${id}`),
		ports: ports.sites[i],
		// Each site its own secret and Logto app: nothing of one opens anything of another.
		secret: randomBytes(32).toString('hex'),
		app: { id: `wordpress-${id}`, secret: randomBytes(24).toString('base64url') },
	}));
	const services = [];
	const stop = async () => {
		for (const service of [...services].reverse()) await service.stop();
	};
	try {
		const tls = ensureCertificate(tlsDir);
		const clientsFile = join(dataDir, 'idp-clients.json');
		const apps = sites.map((s) => appRegistration({ id: s.app.id, secret: s.app.secret, name: `WordPress ${s.id}`, bridgeUrl: s.bridgeUrl, extraPostLogoutUris: [`${s.url}/`] }));
		writeFileSync(clientsFile, JSON.stringify(apps, null, '\t'));
		services.push(await startIdp({ port: ports.idp, dataDir: join(dataDir, 'idp'), clientsFile, logDir, env: { IDP_SMS_PER_IP_PER_HOUR: '100000' } }));
		const redis = await startRedis({ port: ports.redis, dir: join(dataDir, 'redis'), logDir });
		services.push(redis);
		const sitesFile = join(dataDir, 'bridge-sites.json');
		writeFileSync(sitesFile, JSON.stringify({ sites: sites.map((s) => ({ id: s.id, wpUrl: s.url, sharedSecret: s.secret })) }), { mode: 0o600 });
		const { entry: release } = installBridgeRelease(join(dataDir, 'bridge-release'));
		const env = { BRIDGE_SITES_FILE: sitesFile, REDIS_URL: redis.url, TRUST_PROXY: '1', NODE_EXTRA_CA_CERTS: tls.caFile, SIGN_IN_RATE_LIMIT: '100000' };
		services.push(await startBridge({ url: bridgeUrl, port: ports.bridgeInstance, release, instance: 'a', dataDir: join(dataDir, 'bridge'), logDir, env }));
		const roots = [];
		for (const site of sites) {
			const wordpress = await startNativeWordPress({
				url: site.url,
				ports: { php: site.ports.php, db: site.ports.db },
				dir: site.dataDir,
				logDir: join(logDir, `site-${site.id}`),
				secret: site.secret,
				caFile: tls.caFile,
				fresh: true,
				workers: 4,
				constants: localSiteConstants(site.secret),
				initialSettings: {
					endpoint: idpUrl,
					app_id: site.app.id,
					app_secret: site.app.secret,
					bridge_url: site.bridgeUrl,
					login_mode: 'phone',
					create_users: true,
					default_role: 'subscriber',
				},
			});
			services.push(...wordpress.services);
			roots.push({ port: site.ports.wordpress, root: wordpress.coreDir, phpPort: site.ports.php });
		}
		services.push(await startNginx({ dir: join(dataDir, 'nginx'), logDir, tls, wordpress: roots, bridge: { port: ports.bridge, upstreams: [ports.bridgeInstance] } }));
		return { sites, urls: { bridge: bridgeUrl, idp: idpUrl }, tls, logDir, smsOutbox: join(dataDir, 'idp', 'sms-outbox.jsonl'), stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
