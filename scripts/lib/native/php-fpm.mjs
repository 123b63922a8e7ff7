// php-fpm (Debian's PHP 8.2, with the opcache its php.ini turns on), run by us with its own config: FastCGI on
// 127.0.0.1, as `www-data` when started by root, errors to the stack's logs.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { startService } from '../processes.mjs';
import { dropsPrivileges, isRoot } from './system-user.mjs';

/** Debian's versioned php-fpm binary (php-fpm8.2 on Debian 12). */
function phpFpmBinary() {
	const found = readdirSync('/usr/sbin').filter((f) => /^php-fpm\d+\.\d+$/.test(f)).sort();
	if (!found.length) throw new Error('php-fpm is not installed (apt-get install php-fpm php-mysql; see docs/dev-stack.md, "Native runtime")');
	return join('/usr/sbin', found.at(-1));
}

/**
 * @param {object} options
 * @param {number} options.port
 * @param {string} options.dir     its config and pid
 * @param {string} options.logDir
 * @param {number} [options.workers]
 */
export async function startPhpFpm({ port, dir, logDir, workers = 8 }) {
	mkdirSync(dir, { recursive: true });
	mkdirSync(logDir, { recursive: true });
	const config = join(dir, 'php-fpm.conf');
	writeFileSync(
		config,
		`[global]
pid = ${join(dir, 'php-fpm.pid')}
error_log = ${join(logDir, 'php-fpm.log')}
daemonize = no

[wordpress]
${dropsPrivileges() ? 'user = www-data\ngroup = www-data\n' : isRoot() ? 'user = root\ngroup = root\n' : ''}listen = 127.0.0.1:${port}
pm = static
pm.max_children = ${workers}
catch_workers_output = yes
decorate_workers_output = no
clear_env = no
php_admin_flag[log_errors] = on
php_admin_value[error_log] = ${join(logDir, 'php-error.log')}
php_admin_flag[display_errors] = off
php_admin_value[memory_limit] = 256M
`,
	);
	return startService({
		name: 'php-fpm',
		command: phpFpmBinary(),
		// -R: php-fpm refuses workers running as root unless told; only when the repository is not reachable otherwise.
		args: ['--nodaemonize', '--fpm-config', config, ...(isRoot() && !dropsPrivileges() ? ['-R'] : [])],
		logFile: join(logDir, 'php-fpm.out.log'),
		readyUrl: `tcp://127.0.0.1:${port}`,
		timeoutMs: 30_000,
	});
}
