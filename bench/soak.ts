// Benchmark (not part of npm test): a soak that shows whether memory and rows stay flat (#26 §3).
// SOAK_MINUTES (20) of sign-ins at a steady SOAK_PER_MINUTE (40) on the native runtime, through
// nginx, two bridge instances on Redis, php-fpm and MariaDB: new visitors signing up by phone,
// returning ones, sign-outs from WordPress (which end the Logto session), sign-outs at Logto
// itself (back-channel logouts) and abandoned sign-ins (sent to Logto, never back). Every 30 s it
// samples the bridges' RSS, Redis's memory and key count, and MariaDB's wp_options and
// wp_usermeta rows; at the end it prints each one's slope per 1,000 sign-ins. Flat means: the
// abandoned sign-ins expire, the replay-guard rows are swept, no option grows; wp_usermeta grows
// with new members only (printed per new member).
// Run: WP_RUNTIME=native npm run bench:soak (CI runs SOAK_MINUTES=2: it must run clean, too
// short to judge a slope).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Browser, formAction } from '@logto-bridge/testkit';
import { phoneSignUp } from '@logto-bridge/testkit/visitor';

import { queryWordPressDb } from '../scripts/lib/native/mariadb.mjs';
import { startBenchStack } from './wp-stack.js';

if (process.env.WP_RUNTIME !== 'native') throw new Error('bench:soak samples MariaDB and Redis: run it with WP_RUNTIME=native');
const MINUTES = Number(process.env.SOAK_MINUTES ?? 20);
const PER_MINUTE = Number(process.env.SOAK_PER_MINUTE ?? 40);
const stack = await startBenchStack('bench-soak', { bridgeEnv: { SIGN_IN_RATE_LIMIT: '100000' }, idpEnv: { IDP_SMS_PER_IP_PER_HOUR: '100000' } });
const { wordpress: wp, idp } = stack.urls;
const site = { wpUrl: wp, idpUrl: idp, outbox: stack.smsOutbox };
const dataDir = join(stack.logDir, '..');
const redisPort = new URL((stack.services.redis as unknown as { url: string }).url).port;
const sql = (q: string) => Number(queryWordPressDb(dataDir, q));
const redisInfo = (field: string) => Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(execFileSync('redis-cli', ['-p', redisPort, 'INFO', 'memory'], { encoding: 'utf8' }))?.[1]);
const redisKeys = () => Number(execFileSync('redis-cli', ['-p', redisPort, 'DBSIZE'], { encoding: 'utf8' }).trim());
const rss = (name: string) => Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${stack.services[name]!.pid}/status`, 'utf8'))?.[1]) * 1024;

/** Submits Logto's "signing out" form (a browser's script does it), if the page is one. */
async function confirmSignOut(browser: Browser, page: { url: string; html: string }) {
	if (!page.html.includes('name="logout"')) return page;
	const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.html)?.[1] ?? '';
	return browser.follow(new URL(formAction(page.html, '/session/end'), page.url).href, undefined, { form: { xsrf, logout: 'yes' } });
}

/** Members, least recently signed in first: Logto sends one number a code a minute, five an hour at most. */
/** Throws unless WordPress sends this browser to its login page (within `waitMs`). */
async function signedOut(browser: Browser, waitMs: number) {
	const until = Date.now() + waitMs;
	for (;;) {
		const res = await browser.request(`${wp}/wp-admin/`);
		await res.arrayBuffer();
		if (res.status === 302 && (res.headers.get('location') ?? '').includes('wp-login.php')) return;
		if (Date.now() >= until) throw new Error('still signed in to WordPress after signing out');
		await new Promise((r) => setTimeout(r, 250));
	}
}

const members: Array<{ phone: string; lastCode: number; codes: number }> = [];
const returningMember = () => {
	const m = members[0];
	if (!m || Date.now() - m.lastCode < 65_000 || m.codes >= 5) return undefined;
	members.push(members.shift()!);
	return m;
};
const counts = { new: 0, returning: 0, wpSignOut: 0, logtoSignOut: 0, abandoned: 0, failed: 0 };
let sequence = 0;
// The stack starts fresh: numbers need only be unique within the run.
const phone = () => `+1201${5_000_000 + sequence++}`;

/** One visitor, by a fixed cycle of ten: 3 new, 4 returning (2 then sign out, 1 at Logto), 3 abandoned. */
async function visitor(i: number) {
	const kind = i % 10;
	if (kind >= 7) {
		const browser = new Browser();
		await browser.follow(`${wp}/wp-login.php?action=logto-sign-in&phone=${encodeURIComponent(phone())}`);
		counts.abandoned++;
		return;
	}
	// Returning when a member may have a code now; otherwise a new one comes instead.
	const member = kind >= 3 ? returningMember() : undefined;
	const number = member?.phone ?? phone();
	const { url, browser } = await phoneSignUp(site, number);
	if (!url.startsWith(`${wp}/wp-admin/`)) throw new Error(`${number} ended at ${url}`);
	if (member) {
		member.lastCode = Date.now();
		member.codes++;
		counts.returning++;
	} else {
		members.push({ phone: number, lastCode: Date.now(), codes: 1 });
		counts.new++;
	}
	if (kind === 4 || kind === 5) {
		const admin = await browser.follow(`${wp}/wp-admin/profile.php`);
		const logout = /href=["']([^"']*wp-login\.php\?action=logout[^"']*)["']/.exec(admin.html)?.[1]?.replace(/&(amp|#038);/g, '&');
		if (!logout) throw new Error('no Log Out link');
		await confirmSignOut(browser, await browser.follow(logout));
		await signedOut(browser, 0);
		counts.wpSignOut++;
	} else if (kind === 6) {
		await confirmSignOut(browser, await browser.follow(`${idp}/oidc/session/end`));
		// Logto tells the bridge, which tells WordPress: a moment later the WordPress session is gone.
		await signedOut(browser, 10_000);
		counts.logtoSignOut++;
	}
}

type Sample = { at: number; signIns: number; bridgeA: number; bridgeB: number; redisMemory: number; redisKeys: number; options: number; usermeta: number; members: number };
const samples: Sample[] = [];
const sample = () =>
	samples.push({ at: Date.now() - started, signIns: counts.new + counts.returning + counts.abandoned, bridgeA: rss('bridge-a'), bridgeB: rss('bridge-b'), redisMemory: redisInfo('used_memory'), redisKeys: redisKeys(), options: sql('SELECT COUNT(*) FROM wp_options'), usermeta: sql('SELECT COUNT(*) FROM wp_usermeta'), members: members.length });

const started = Date.now();
const end = started + MINUTES * 60_000;
const gapMs = 60_000 / PER_MINUTE;
let nextSample = started;
console.log(`soak: ${MINUTES} min at ${PER_MINUTE} visitors/min on ${stack.runtime}`);
for (let i = 0; Date.now() < end; i++) {
	if (Date.now() >= nextSample) {
		sample();
		nextSample += 30_000;
	}
	const t0 = Date.now();
	try {
		await visitor(i);
	} catch (error) {
		counts.failed++;
		console.error(`visitor ${i}: ${(error as Error).message}`);
	}
	await new Promise((r) => setTimeout(r, Math.max(0, gapMs - (Date.now() - t0))));
}
sample();
// What the options table holds, by kind (numeric suffixes and hashes folded), before the stack goes.
const optionKinds = queryWordPressDb(dataDir, "SELECT REGEXP_REPLACE(option_name, '[0-9a-f]{8,}.*$', '*') k, COUNT(*) c FROM wp_options GROUP BY k HAVING c > 2 ORDER BY c DESC LIMIT 8");
await stack.stop();

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]) {
	const n = xs.length;
	const mx = xs.reduce((a, b) => a + b, 0) / n;
	const my = ys.reduce((a, b) => a + b, 0) / n;
	const num = xs.reduce((s, x, k) => s + (x - mx) * (ys[k]! - my), 0);
	const den = xs.reduce((s, x) => s + (x - mx) ** 2, 0);
	return den === 0 ? 0 : num / den;
}
// Past the longest lifetime of what a sign-in leaves (a pending sign-in: 10 min, the replay
// guard's rows: 10 min), what is left must be flat; before it, everything fills up.
const WARM_MS = 11 * 60_000;
const steady = samples.filter((s) => s.at >= WARM_MS).length >= 3 ? samples.filter((s) => s.at >= WARM_MS) : samples;
const xs = steady.map((s) => s.signIns);
const per1000 = (pick: (s: Sample) => number) => slope(xs, steady.map(pick)) * 1000;
const first = samples[0]!;
const last = samples.at(-1)!;
console.log(`\nvisitors: ${JSON.stringify(counts)} in ${((Date.now() - started) / 60_000).toFixed(1)} min, ${samples.length} samples`);
const rows: Array<[string, (s: Sample) => number, string]> = [
	['bridge-a RSS', (s) => s.bridgeA / 1048576, 'MiB'],
	['bridge-b RSS', (s) => s.bridgeB / 1048576, 'MiB'],
	['Redis used_memory', (s) => s.redisMemory / 1048576, 'MiB'],
	['Redis keys', (s) => s.redisKeys, 'keys'],
	['wp_options rows', (s) => s.options, 'rows'],
	['wp_usermeta rows', (s) => s.usermeta, 'rows'],
];
console.log(steady === samples ? '  (shorter than 11 min: slopes over the whole run, still filling up)' : `  slopes after the first 11 min (${steady.length} samples): the steady state`);
console.log(`  ${'what'.padEnd(20)} ${'first'.padStart(10)} ${'last'.padStart(10)} ${'per 1,000 sign-ins'.padStart(20)}`);
for (const [name, pick, unit] of rows) console.log(`  ${name.padEnd(20)} ${pick(first).toFixed(1).padStart(10)} ${pick(last).toFixed(1).padStart(10)} ${per1000(pick).toFixed(2).padStart(14)} ${unit}`);
const newMembers = last.members - first.members;
if (newMembers > 0) console.log(`  wp_usermeta rows per new member: ${((last.usermeta - first.usermeta) / newMembers).toFixed(1)}`);
console.log(`  wp_options at the end, most frequent kinds:\n${optionKinds.replace(/^/gm, '    ')}`);
if (counts.failed > 0) {
	console.error(`${counts.failed} visitors failed`);
	process.exit(1);
}
