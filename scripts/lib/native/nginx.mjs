// nginx (Debian's package), run by us with its own config: https for WordPress (PHP through
// php-fpm) and for the bridge (round robin over its instances), on 127.0.0.1 only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startService } from '../processes.mjs';
import { chownForRoot, dropsPrivileges, isRoot, needs } from './system-user.mjs';

/**
 * @param {object} options
 * @param {string} options.dir     config, pid and temp folders
 * @param {string} options.logDir
 * @param {{ certFile: string, keyFile: string }} options.tls
 * @param {{ port: number, root: string, phpPort: number }} options.wordpress
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

	server {
		listen 127.0.0.1:${wordpress.port} ssl;
		server_name 127.0.0.1 localhost;
		${ssl}
		root ${wordpress.root};
		index index.php;
		location / {
			try_files $uri $uri/ /index.php?$args;
		}
		location ~ \\.php$ {
			try_files $uri =404;
			include /etc/nginx/fastcgi.conf;
			fastcgi_param HTTPS on;
			fastcgi_pass 127.0.0.1:${wordpress.phpPort};
			fastcgi_read_timeout 120s;
		}
	}

	upstream logto_bridge {
${bridge.upstreams.map((p) => `		server 127.0.0.1:${p};`).join('\n')}
	}
	server {
		listen 127.0.0.1:${bridge.port} ssl;
		server_name 127.0.0.1 localhost;
		${ssl}
		location / {
			proxy_pass http://logto_bridge;
			proxy_set_header Host $http_host;
			proxy_set_header X-Forwarded-Proto https;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Real-IP $remote_addr;
		}
	}
}
`,
	);
	return startService({
		name: 'nginx',
		command: '/usr/sbin/nginx',
		args: ['-p', dir, '-c', config],
		logFile: join(logDir, 'nginx.out.log'),
		readyUrl: `tcp://127.0.0.1:${wordpress.port}`,
		timeoutMs: 30_000,
	});
}
