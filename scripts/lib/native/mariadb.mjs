// MariaDB (Debian's package), run by us: data under the stack's folder, 127.0.0.1 only, as the
// `mysql` account when started by root. No system service is touched.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { startService } from '../processes.mjs';
import { chownForRoot, dropsPrivileges, isRoot, needs } from './system-user.mjs';

/**
 * @param {object} options
 * @param {number} options.port
 * @param {string} options.dir       data folder
 * @param {string} options.logDir
 * @param {boolean} [options.fresh]  start from an empty data folder
 * @param {{ name: string, user: string, password: string }} options.database  created when missing
 */
export async function startMariaDB({ port, dir, logDir, fresh = false, database }) {
	needs('mariadbd', 'mariadb-server');
	const dataDir = join(dir, 'data');
	const socket = join(dir, 'mysqld.sock');
	if (fresh) rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	mkdirSync(logDir, { recursive: true });
	const asUser = dropsPrivileges() ? ['--user=mysql'] : isRoot() ? ['--user=root'] : [];
	if (!existsSync(join(dataDir, 'mysql'))) {
		execFileSync('mariadb-install-db', ['--no-defaults', ...asUser, `--datadir=${dataDir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'pipe' });
	}
	chownForRoot('mysql', dir);
	const service = await startService({
		name: 'mariadb',
		command: 'mariadbd',
		args: ['--no-defaults', ...asUser, `--datadir=${dataDir}`, `--port=${port}`, '--bind-address=127.0.0.1', `--socket=${socket}`, `--pid-file=${join(dir, 'mariadb.pid')}`, `--log-error=${join(logDir, 'mariadb.log')}`, '--skip-name-resolve'],
		logFile: join(logDir, 'mariadb.out.log'),
		readyUrl: `tcp://127.0.0.1:${port}`,
		timeoutMs: 60_000,
	});
	const sql = (statement) => execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-e', statement], { stdio: 'pipe' });
	const { name, user, password } = database;
	sql(
		`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci; ` +
			`CREATE USER IF NOT EXISTS '${user}'@'127.0.0.1' IDENTIFIED BY '${password}'; ` +
			`ALTER USER '${user}'@'127.0.0.1' IDENTIFIED BY '${password}'; ` +
			`GRANT ALL PRIVILEGES ON \`${name}\`.* TO '${user}'@'127.0.0.1'; FLUSH PRIVILEGES;`,
	);
	return { ...service, host: `127.0.0.1:${port}`, sql };
}

/**
 * A query against the WordPress database of the native stack under `dataDir` (as root, through
 * its socket), tab-separated and without headers, as its text: for tests and benchmarks.
 *
 * @param {string} dataDir
 * @param {string} statement
 * @returns {string}
 */
export function queryWordPressDb(dataDir, statement) {
	return queryMariaDb(join(dataDir, 'native', 'mariadb'), statement);
}

/**
 * The same against the WordPress database of the MariaDB started in `dir` (startMariaDB's).
 *
 * @param {string} dir
 * @param {string} statement
 * @returns {string}
 */
export function queryMariaDb(dir, statement) {
	const socket = join(dir, 'mysqld.sock');
	return execFileSync('mariadb', ['--no-defaults', `--socket=${socket}`, '-uroot', '-N', '-B', 'wordpress', '-e', statement], { encoding: 'utf8' }).trim();
}
