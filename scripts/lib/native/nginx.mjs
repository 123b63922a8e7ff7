// nginx (Debian's package), run by us with its own config: https for WordPress (PHP through
// php-fpm) and for the bridge (round robin over its instances), on 127.0.0.1 only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { repoRoot } from '../paths.mjs';
import { startService } from '../processes.mjs';
import { chownForRoot, dropsPrivileges, isRoot, needs } from './system-user.mjs';

/** The file a site owner installs in front of the bridge. */
export const deployedBridgeBlock = join(repoRoot, 'deploy', 'nginx-logto-bridge.conf');

/**
 * deploy/nginx-logto-bridge.conf with its marked values (`... # marker` at a line's end) set:
 * the runtime serves the bridge with the shipped file, so it cannot drift from what is tested.
 * @param {{ port: number, upstreams: number[], certFile: string, keyFile: string, source?: string }} options
 */
export function bridgeServerBlock({ port, upstreams, certFile, keyFile, source = readFileSync(deployedBridgeBlock, 'utf8') }) {
	let block = source;
	const set = (marker, lines) => {
		const line = new RegExp(`^([ \\t]*)[^#\\n]*# ${marker}$`, 'm');
		if (!line.test(block)) throw new Error(`${deployedBridgeBlock} has no line marked "# ${marker}"`);
		block = block.replace(line, (_, indent) => lines.map((l) => `${indent}${l} # ${marker}`).join('\n'));
	};
	set('upstream', upstreams.map((p) => `server 127.0.0.1:${p};`));
	set('listen', [`listen 127.0.0.1:${port} ssl;`]);
	set('server_name', ['server_name 127.0.0.1 localhost;']);
	set('certificate', [`ssl_certificate ${certFile};`]);
	set('certificate key', [`ssl_certificate_key ${keyFile};`]);
	return block;
}

/** @typedef {{ port: number, root: string, phpPort: number, network?: boolean }} WordPressSite  network: a subdirectory multisite */

// A subdirectory network's sites live at /<site>/: their wp-admin, wp-login.php and files are core's.
const subdirectoryNetwork = `
		if (!-e $request_filename) {
			rewrite /wp-admin$ $scheme://$http_host$uri/ permanent;
			rewrite ^(/[^/]+)?(/wp-.*) $2 last;
			rewrite ^(/[^/]+)?(/.*\\.php) $2 last;
		}`;

/**
 * @param {object} options
 * @param {string} options.dir     config, pid and temp folders
 * @param {string} options.logDir
 * @param {{ certFile: string, keyFile: string }} options.tls
 * @param {WordPressSite | WordPressSite[]} options.wordpress
 *        one site, or several (one bridge serving several sites), each on its own port
 * @param {{ port: number, upstreams: number[] }} options.bridge
 */
export async function startNginx({ dir, logDir, tls, wordpress, bridge }) {
	needs('/usr/sbin/nginx', 'nginx');
	const temp = join(dir, 'temp');
	for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(temp, sub), { recursive: true });
	mkdirSync(logDir, { recursive: true });
	// Workers run as nobody when the master is root: they write request bodies here.
	chownForRoot('nobody', temp);
	const ssl = `ssl_certificate ${tls.certFile};
		ssl_certificate_key ${tls.keyFile};
		ssl_protocols TLSv1.2 TLSv1.3;`;
	const sites = [wordpress].flat();
	const wordpressServerBlock = (site) => `server {
		listen 127.0.0.1:${site.port} ssl;
		server_name 127.0.0.1 localhost;
		${ssl}
		root ${site.root};
		index index.php;${site.network ? subdirectoryNetwork : ''}
		location / {
			try_files $uri $uri/ /index.php?$args;
		}
		location ~ \\.php$ {
			try_files $uri =404;
			include /etc/nginx/fastcgi.conf;
			fastcgi_param HTTPS on;
			fastcgi_pass 127.0.0.1:${site.phpPort};
			fastcgi_read_timeout 120s;
		}
	}`;
	const config = join(dir, 'nginx.conf');
	writeFileSync(
		config,
		`${dropsPrivileges() ? 'user nobody nogroup;\n' : isRoot() ? 'user root;\n' : ''}worker_processes 2;
error_log ${join(logDir, 'nginx-error.log')} warn;
pid ${join(dir, 'nginx.pid')};
daemon off;
events { worker_connections 1024; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log ${join(logDir, 'nginx-access.log')};
	client_body_temp_path ${join(temp, 'body')};
	proxy_temp_path ${join(temp, 'proxy')};
	fastcgi_temp_path ${join(temp, 'fastcgi')};
	uwsgi_temp_path ${join(temp, 'uwsgi')};
	scgi_temp_path ${join(temp, 'scgi')};
	client_max_body_size 64m;
	server_tokens off;

	${sites.map(wordpressServerBlock).join('\n\n\t')}

	${bridgeServerBlock({ ...bridge, ...tls }).replace(/\n/g, '\n\t')}
}
`,
	);
	return startService({
		name: 'nginx',
		command: '/usr/sbin/nginx',
		args: ['-p', dir, '-c', config],
		logFile: join(logDir, 'nginx.out.log'),
		readyUrl: `tcp://127.0.0.1:${sites[0].port}`,
		timeoutMs: 30_000,
	});
}
