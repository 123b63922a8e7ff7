// The fault suite (npm run test:faults, native runtime): each case starts a real sign-in over
// HTTP, injects one fault into a real service, finishes, then checks that nothing was lost or
// half-made (users, pending sign-ins, tickets) and that the logs name the fault. Visitors are
// driven by testkit's Browser (real HTTP, cookies), not Chromium: the faults are server-side.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { Browser } from '@logto-bridge/testkit';

import { startFaultStack, type FaultStack } from './fault-stack.js';

let f: FaultStack;
let wp: string;
const phones = (() => {
	const base = 7_000_000 + (Date.now() % 2_000_000);
	let next = 0;
	return () => `+1201${String(base + next++).padStart(7, '0')}`;
})();

before(async () => {
	f = await startFaultStack();
	wp = f.urls.wordpress;
});
after(async () => {
	await f?.stack.stop();
});

const pendingSignIns = () => f.redisKeys('logto-bridge:signin:*').length;
/** Every answer nginx gave while `fn` ran, by status; a 5xx is a fault that reached a visitor. */
async function noServerErrors<T>(fn: () => Promise<T>): Promise<T> {
	const since = f.logMark('nginx-access.log');
	const value = await fn();
	const errors = since().split('\n').filter((line) => / 5\d\d \d+ "/.test(line));
	assert.deepEqual(errors, [], 'no visitor got a 5xx');
	return value;
}

test('one bridge instance killed (SIGKILL) between /sign-in and /callback: the visitor finishes on the other', async () => {
	const phone = phones();
	const before = pendingSignIns();
	const logs = { a: f.logMark('bridge-a.log'), b: f.logMark('bridge-b.log') };
	const nginxErrors = f.logMark('nginx-error.log');
	const { browser, callbackUrl } = await f.atCallback(phone);
	await f.logged(/redirecting to Logto/, logs.a, logs.b);
	const started = (['a', 'b'] as const).find((i) => logs[i]().includes('redirecting to Logto'));
	assert.ok(started, 'one instance started the sign-in');
	const other = started === 'a' ? 'b' : 'a';
	await f.service(`bridge-${started}`).crash();
	try {
		const end = await noServerErrors(() => browser.follow(callbackUrl));
		assert.equal(end.status, 200);
		assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `signed in: ${end.url}`);
		assert.match(await f.logged(/ticket issued/, logs[other]), /ticket issued/, `bridge-${other} finished it`);
		// Round robin: of the callback and two more requests, one went to the dead instance first.
		for (let i = 0; i < 2; i++) assert.equal((await fetch(`${f.urls.bridge}/healthz`)).status, 200, 'nginx passes on to the live one');
		assert.match(nginxErrors(), /connect\(\) failed \(111: Connection refused\) while connecting to upstream/, "nginx's log names the dead instance");
	} finally {
		await f.service(`bridge-${started}`).startAgain();
	}
	assert.equal(f.usersWithPhone(phone), 1, 'one user');
	assert.equal(pendingSignIns(), before, 'no pending sign-in left behind');
});

test('Redis restarted between /sign-in and /callback: the visitor is told to try again (never a 500), and the retry signs in as one user', async () => {
	const phone = phones();
	const { browser, callbackUrl } = await f.atCallback(phone);
	const redis = f.service('redis');
	await redis.stop();
	await redis.startAgain();
	const logs = f.logMark('bridge-a.log');
	const logsB = f.logMark('bridge-b.log');
	// The pending sign-in lived in Redis, which keeps nothing on disk: it is gone, and the visitor is told so.
	const end = await noServerErrors(() => browser.follow(callbackUrl));
	assert.equal(end.status, 200);
	assert.match(end.url, /\/wp-login\.php\?logto_error=state_mismatch$/);
	assert.match(end.html, /This sign-in link has expired or was already used\. Please try again\./);
	assert.match(await f.logged(/"reason":"state_mismatch"/, logs, logsB), /"reason":"state_mismatch"/, "the bridge's log says why");
	assert.equal(f.usersWithPhone(phone), 0, 'nobody was half-made');

	const again = await f.atCallback(phone);
	const retry = await noServerErrors(() => again.browser.follow(again.callbackUrl));
	assert.ok(retry.url.startsWith(`${wp}/wp-admin/`), `the retry signs in: ${retry.url}`);
	assert.equal(f.usersWithPhone(phone), 1, 'one user');
});

test('Redis down while the ticket reaches WordPress: the sealed ticket needs neither the bridge nor Redis, so the visitor is signed in', async () => {
	const phone = phones();
	const { browser, ticketUrl } = await f.atTicket(phone);
	const redis = f.service('redis');
	await redis.stop();
	try {
		const end = await noServerErrors(() => browser.follow(ticketUrl));
		assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `signed in with Redis down: ${end.url}`);
	} finally {
		await redis.startAgain();
	}
	assert.equal(f.usersWithPhone(phone), 1, 'one user');
});

test('MariaDB restarted during ticket redemption: WordPress says the database is down, and the same link signs in once it is back, once', async () => {
	const phone = phones();
	const { browser, ticketUrl } = await f.atTicket(phone);
	const mariadb = f.service('mariadb');
	await mariadb.stop();
	try {
		const down = await browser.follow(ticketUrl);
		// WordPress core answers before any plugin loads: its own page (a site may style it with wp-content/db-error.php).
		assert.equal(down.status, 500);
		assert.match(down.html, /Error establishing a database connection/);
	} finally {
		await mariadb.startAgain();
	}
	// Nothing was spent while the database was down: the same link still works, exactly once.
	const end = await browser.follow(ticketUrl);
	assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `signed in after the restart: ${end.url}`);
	assert.equal(f.usersWithPhone(phone), 1, 'one user');
	// Opened again (in a browser not signed in, which the site would otherwise just let through).
	const replay = await new Browser().follow(ticketUrl);
	assert.match(replay.url, /logto_error=ticket_gone/, 'and the link is spent now');
});

test('PHP dying while WordPress creates a new member: no account is left half-made, and the next sign-in works at once as one user', async () => {
	const phone = phones();
	const users = () => Number(f.sql('SELECT COUNT(*) FROM wp_users'));
	const before = users();
	// mu-plugins/logto-bridge-faults-die.php ends the request just after WordPress wrote the user.
	f.sql("INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('logto_faults_die_on_register', '1', 'no')");
	try {
		const { browser, ticketUrl } = await f.atTicket(phone);
		await browser.follow(ticketUrl);
	} finally {
		f.sql("DELETE FROM wp_options WHERE option_name = 'logto_faults_die_on_register'");
	}
	assert.equal(users(), before, 'no user row without its Logto link (it would be a second account on the retry)');
	assert.equal(f.sql("SELECT COUNT(*) FROM wp_options WHERE option_name LIKE 'logto\\_bridge\\_lock\\_%'"), '0', 'its lock released, not left for 30 s');
	const again = await f.atTicket(phone);
	const end = await noServerErrors(() => again.browser.follow(again.ticketUrl));
	assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `the next sign-in works: ${end.url}`);
	assert.equal(users(), before + 1, 'one user');
	assert.equal(f.usersWithPhone(phone), 1);
});

test("Logto's token endpoint answering after 4 s signs the visitor in; one that does not answer in time gets the message, and nothing is stored", async () => {
	const slow = phones();
	const late = phones();
	try {
		f.slowTokenEndpoint(4000);
		const first = await f.atCallback(slow);
		const t0 = Date.now();
		const end = await noServerErrors(() => first.browser.follow(first.callbackUrl));
		assert.ok(Date.now() - t0 >= 4000, 'the token endpoint really was slow');
		assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `a slow Logto still signs in: ${end.url}`);
		assert.equal(f.usersWithPhone(slow), 1);

		f.slowTokenEndpoint(15_000);
		const second = await f.atCallback(late);
		const tickets = f.redisKeys('logto-bridge:ticket:*').length;
		const logs = { a: f.logMark('bridge-a.log'), b: f.logMark('bridge-b.log') };
		const refused = await noServerErrors(() => second.browser.follow(second.callbackUrl));
		assert.match(refused.url, /logto_error=idp_unreachable$/);
		assert.match(refused.html, /Logto is unreachable right now\. Please try again in a moment\./);
		assert.match(await f.logged(/"reason":"idp_unreachable"/, logs.a, logs.b), /"reason":"idp_unreachable"/, "the bridge's log says why");
		assert.equal(f.usersWithPhone(late), 0, 'no user');
		assert.equal(f.redisKeys('logto-bridge:ticket:*').length, tickets, 'no ticket');
	} finally {
		f.slowTokenEndpoint(0);
	}
});

test('the clocks of WordPress and the bridge 2½ minutes apart: the connection check says so in words, and a sign-in still works', async () => {
	// libfaketime (Debian's faketime) sets WordPress's clock (php-fpm's) forward; its timers keep the
	// real pace. Not the bridges' clock back: the suite's certificate was made minutes ago, so a bridge
	// living in the past would refuse it as not yet valid, which no real site's certificate is.
	const php = f.service('php-fpm');
	const ahead = { LD_PRELOAD: '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1', FAKETIME: '+150s', FAKETIME_DONT_FAKE_MONOTONIC: '1' };
	await php.stop();
	await php.startAgain(ahead);
	try {
		const admin = await f.adminBrowser();
		const check = (await (await admin.request(`${wp}/?rest_route=/logto-bridge/v1/connection-check&_wpnonce=${admin.nonce}`)).json()) as { ok: boolean; checks: Array<{ id: string; ok: boolean; detail: string }> };
		const clock = check.checks.find((c) => c.id === 'clock');
		assert.equal(clock?.ok, false, JSON.stringify(check.checks));
		assert.match(clock!.detail, /^The bridge’s clock is 1[45]\d seconds behind this server’s\. .*synchronized \(NTP\)\.$/);
		const others = check.checks.filter((c) => c.id !== 'clock');
		assert.ok(others.every((c) => c.ok), `everything else is fine: ${JSON.stringify(others)}`);

		// A sealed ticket (120 s) has expired by this WordPress's clock when it arrives: its stored twin signs the visitor in.
		const phone = phones();
		const { browser, callbackUrl } = await f.atCallback(phone);
		const end = await noServerErrors(() => browser.follow(callbackUrl));
		assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `signed in: ${end.url}`);
		assert.equal(f.usersWithPhone(phone), 1);
	} finally {
		await php.stop();
		await php.startAgain({ LD_PRELOAD: '', FAKETIME: '' });
	}
});

test("php-fpm with every worker busy when the bridge needs the site's settings: the visitor is answered within the bridge's timeout with the site's message, and the next sign-in works", async () => {
	const phone = phones();
	const { browser, callbackUrl } = await f.atCallback(phone);
	// Both bridges start again with no copy of the settings, while no PHP worker is free to give them.
	const busy = f.busyPhp(25);
	await new Promise((r) => setTimeout(r, 500));
	for (const name of ['bridge-a', 'bridge-b']) {
		await f.service(name).stop();
		await f.service(name).startAgain();
	}
	const logs = { a: f.logMark('bridge-a.log'), b: f.logMark('bridge-b.log') };
	const isLogin = (u: string) => u.startsWith(`${wp}/wp-login.php`);
	const t0 = Date.now();
	const answered = await browser.follow(callbackUrl, isLogin);
	const waited = Date.now() - t0;
	assert.match(answered.url, /\/wp-login\.php\?logto_error=site_unreachable$/);
	assert.ok(waited < 8000, `the bridge answered after ${waited} ms (its timeout for WordPress is 5 s)`);
	const unreachable = /WordPress is unreachable at .*site-config.*(timeout|aborted)/;
	assert.match(await f.logged(unreachable, logs.a, logs.b), unreachable, "the bridge's log names it");

	await busy;
	const page = await browser.follow(answered.url);
	assert.match(page.html, /Sign-in with Logto is not set up correctly\. Please contact the site administrator\./);
	assert.equal(f.usersWithPhone(phone), 0, 'nobody was half-made');
	// Recovered: the settings are fetched again and the same visitor signs in.
	const again = await f.atCallback(phone);
	const end = await noServerErrors(() => again.browser.follow(again.callbackUrl));
	assert.ok(end.url.startsWith(`${wp}/wp-admin/`), `signed in after: ${end.url}`);
	assert.equal(f.usersWithPhone(phone), 1);
});
