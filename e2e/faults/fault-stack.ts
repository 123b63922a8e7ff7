// The native stack the fault suite breaks (npm run test:faults): nginx + php-fpm + MariaDB + Redis
// + two bridge instances + the idp, fresh, on the FAULTS_* ports (8893, 3400, 3401 and those
// derived from them), so a running e2e stack or benchmark is left alone. What the cases need to
// inject a fault and to see what it left: the services, SQL, Redis keys, the logs.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { Browser } from '@logto-bridge/testkit';
import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { queryWordPressDb } from '../../scripts/lib/native/mariadb.mjs';
import { repoRoot } from '../../scripts/lib/paths.mjs';
import { stackPorts } from '../../scripts/lib/ports.mjs';
import { startStack } from '../../scripts/lib/stack.mjs';

export const faultsDataDir = join(repoRoot, '.data', 'faults');
export const faultsTlsDir = join(repoRoot, '.data', 'faults-tls');
const faultsFile = join(faultsDataDir, 'idp-faults.json');

type Service = { pid: number; stop(): Promise<void>; crash(): Promise<void>; startAgain(env?: Record<string, string>): Promise<void> };

export async function startFaultStack() {
	const ports = stackPorts('FAULTS_', { wordpress: 8893, bridge: 3400, idp: 3401 });
	const stack = await startStack({
		runtime: 'native',
		tlsDir: faultsTlsDir,
		dataDir: faultsDataDir,
		ports,
		fresh: true,
		bridgeEnv: { SIGN_IN_RATE_LIMIT: '100000' },
		idpEnv: { IDP_SMS_PER_IP_PER_HOUR: '100000', IDP_FAULTS_FILE: faultsFile },
		// ?logto_faults_busy=N holds a PHP worker N seconds.
		wpMounts: [[join(repoRoot, 'e2e', 'faults', 'mu-plugins'), '/wordpress/wp-content/mu-plugins']],
	});
	const services = stack.services as Record<string, Service>;
	const sql = (statement: string) => queryWordPressDb(faultsDataDir, statement);
	const redis = (...args: string[]) => execFileSync('redis-cli', ['-p', String(ports.redis), ...args], { encoding: 'utf8' }).trim();
	const logFile = (name: string) => join(stack.logDir, name);
	const { wordpress: wp, idp } = stack.urls;
	return {
		stack,
		urls: stack.urls,
		service: (name: string) => {
			const found = services[name];
			if (!found) throw new Error(`no service ${name} (have ${Object.keys(services).join(', ')})`);
			return found;
		},
		/** Holds every php-fpm worker (8, and as many more queued) for `seconds`; resolves when they are free. */
		busyPhp: (seconds: number) =>
			Promise.all(Array.from({ length: 12 }, () => fetch(`${wp}/?logto_faults_busy=${seconds}`).then((r) => r.arrayBuffer()))),
		/** Makes Logto's token endpoint answer late from now on (0: on time). */
		slowTokenEndpoint: (ms: number) => writeFileSync(faultsFile, JSON.stringify({ tokenDelayMs: ms })),
		/** WordPress users with this phone number (their Logto phone meta), straight from MariaDB. */
		usersWithPhone: (phone: string) => Number(sql(`SELECT COUNT(*) FROM wp_usermeta WHERE meta_key = 'logto_phone' AND meta_value = '+${phone.replace(/\D/g, '')}'`)),
		sql,
		redisKeys: (pattern: string) => redis('--scan', '--pattern', pattern).split('\n').filter(Boolean),
		/** A log's length now, and what it gained since then. */
		logMark: (name: string) => {
			const from = statSync(logFile(name)).size;
			return () => readFileSync(logFile(name), 'utf8').slice(from);
		},
		/**
		 * What the marked logs gained, once it matches `pattern` (or after 5 s): a service's lines
		 * reach its file through this process's pipe, a moment after the answer it logged them before.
		 */
		async logged(pattern: RegExp, ...marks: Array<() => string>) {
			const deadline = Date.now() + 5000;
			let text = marks.map((mark) => mark()).join('');
			while (!pattern.test(text) && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 100));
				text = marks.map((mark) => mark()).join('');
			}
			return text;
		},
		/** A browser signed in as the admin (wp-login.php's form), with core's REST nonce. */
		async adminBrowser() {
			const browser = new Browser();
			await browser.request(`${wp}/wp-login.php`);
			const login = await browser.request(`${wp}/wp-login.php`, { form: { log: 'admin', pwd: 'password', 'wp-submit': 'Log In', testcookie: '1' } });
			if (login.status !== 302) throw new Error(`the admin did not sign in (${login.status})`);
			const nonce = await (await browser.request(`${wp}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
			return Object.assign(browser, { nonce });
		},
		/**
		 * A visitor typing `phone` on wp-login.php, verifying the SMS code at Logto and creating the
		 * account if asked, stopped on the bridge's /callback (not requested yet): the fault goes in there.
		 */
		async atCallback(phone: string) {
			const isCallback = (u: string) => u.startsWith(`${stack.urls.bridge}/callback`);
			const { url, browser } = await phoneSignUp({ wpUrl: wp, idpUrl: idp, outbox: stack.smsOutbox }, phone, isCallback);
			if (!isCallback(url)) throw new Error(`${phone} did not reach the bridge's callback: ${url}`);
			return { browser, callbackUrl: url };
		},
		/** The same visitor one step further: the bridge issued the ticket, WordPress has not seen it yet. */
		async atTicket(phone: string) {
			const { browser, callbackUrl } = await this.atCallback(phone);
			const isTicket = (u: string) => u.startsWith(`${wp}/wp-login.php?action=logto-callback`);
			const { url } = await browser.follow(callbackUrl, isTicket);
			if (!isTicket(url)) throw new Error(`the bridge issued no ticket for ${phone}: ${url}`);
			return { browser, ticketUrl: url };
		},
	};
}

export type FaultStack = Awaited<ReturnType<typeof startFaultStack>>;
