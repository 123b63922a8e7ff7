// Benchmark (not part of npm test): what a sign-in costs a visitor, hop by hop, next to the
// floors of the same run (#25). Real sign-ins over HTTP (no Chromium) through WordPress, the
// bridge and the idp, one visitor at a time: BENCH_VISITORS new phone numbers, then the same
// numbers again as returning visitors. BENCH_GAP_SECONDS between sign-ins (31: a quiet site,
// where every cache has gone cold), BENCH_AT_LOGTO_SECONDS at Logto (0). Prints:
// - T1, click to Logto: WordPress's start hop + the bridge's /sign-in, against a plain
//   wp-login.php GET (goal: <= 1.3x at p50 and p95);
// - T2, back from Logto: the bridge's /callback (the token exchange) + WordPress's ticket
//   redemption + the landing page, against the floor sum of a token-endpoint call, a
//   wp-login.php GET and the landing page again (goal: <= 1.2x);
// - the server-to-server calls made per sign-in (nginx's log: native runtime only);
// - the idp's token endpoint over the run: its slope per 1,000 sign-ins (goal: flat);
// - inside the bridge (its own metrics): the /callback route and its code exchange, on average,
//   so the callback hop splits into the bridge's work, Logto's, and the way there (TLS, nginx).
// A visitor first loads wp-login.php (that GET is T1's floor), then clicks: on a quiet site the
// page load opens a new connection (the client keeps an idle one 4 s, the gap is longer) and the
// click finds it open, as in a browser. The page's <link rel="preconnect"> hints are followed as
// a browser does, by opening those connections before the click (Node's fetch cannot open a bare
// connection: a HEAD request opens it, untimed).
// BENCH_WARMUP (3) sign-ins of other numbers go first, unmeasured: a stack's first requests fill
// PHP's opcache, Node's JIT and WordPress's first cron and update checks, and the goal excepts "the
// very first after a start"; without them those costs fell on the first (new) half alone.
// Run: WP_RUNTIME=native npm run bench:latency (Playground works too).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { join } from 'node:path';

import { Browser, formAction, lastCode } from '@logto-bridge/testkit';

import { benchPorts, startBenchStack } from './wp-stack.js';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const GAP_MS = Number(process.env.BENCH_GAP_SECONDS ?? 0) * 1000;
// A visitor's time at Logto (the SMS arriving, the code typed): unmeasured, but what the servers do
// after T1's responses (a health check, a settings refresh) runs meanwhile, not during T2.
const AT_LOGTO_MS = Number(process.env.BENCH_AT_LOGTO_SECONDS ?? 0) * 1000;
const METRICS_TOKEN = 'bench-latency-metrics-token-0123456789abcdef';
const stack = await startBenchStack('bench-latency', {
	bridgeEnv: { SIGN_IN_RATE_LIMIT: '100000', METRICS_TOKEN },
	idpEnv: { IDP_SMS_PER_IP_PER_HOUR: '100000' },
});
const { wordpress: wp, bridge, idp } = stack.urls;

/** One request, its body read: the time a browser waits for that hop. */
async function hop(browser: Browser, url: string) {
	const t0 = performance.now();
	const res = await browser.request(url);
	const body = await res.text();
	const location = res.headers.get('location');
	return { ms: performance.now() - t0, status: res.status, location: location ? new URL(location, url).href : '', body };
}

/** What a browser does with the page's preconnect hints: the connections open, nothing waits on them. */
async function preconnect(html: string) {
	const origins = [...html.matchAll(/<link rel="preconnect" href="([^"]+)"/g)].map((m) => m[1]!);
	await Promise.all(origins.map((origin) => fetch(`${origin}/`, { method: 'HEAD' }).then((r) => r.arrayBuffer())));
	return origins.length;
}

/**
 * The idp's token endpoint alone, as the bridge's code exchange meets it (client credentials of
 * the local M2M app). On a quiet site the bridge's last call to Logto was a gap ago, longer than
 * any client keeps an idle connection, so its exchange opens a new one (TCP and TLS): so does
 * this floor then (`agent: false`), and it reuses one on a busy site, as the bridge does.
 */
async function tokenEndpoint() {
	const body = new URLSearchParams({ grant_type: 'client_credentials', resource: 'https://default.logto.app/api', scope: 'all' }).toString();
	const headers = { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('wordpress-setup:local-setup-secret').toString('base64')}` };
	const t0 = performance.now();
	if (!GAP_MS) {
		await (await fetch(`${idp}/oidc/token`, { method: 'POST', headers, body })).arrayBuffer();
		return performance.now() - t0;
	}
	const url = new URL(`${idp}/oidc/token`);
	await new Promise<void>((resolve, reject) => {
		const req = (url.protocol === 'https:' ? https : http).request(url, { method: 'POST', headers, agent: false }, (res) => res.resume().on('end', resolve).on('error', reject));
		req.on('error', reject).end(body);
	});
	return performance.now() - t0;
}

async function signIn(phone: string) {
	const browser = new Browser();
	const loginPage = await hop(browser, `${wp}/wp-login.php`);
	const preconnected = await preconnect(loginPage.body);
	const start = await hop(browser, `${wp}/wp-login.php?action=logto-sign-in&phone=${encodeURIComponent(phone)}`);
	const bridgeStart = await hop(browser, start.location);
	if (!bridgeStart.location.startsWith(idp)) throw new Error(`the bridge sent ${phone} to ${bridgeStart.location}`);
	// At Logto: the visitor's own time (typing, the SMS), not measured.
	const atCallback = (u: string) => u.startsWith(`${bridge}/callback`);
	const phonePage = await browser.follow(bridgeStart.location);
	const codePage = await browser.follow(`${idp}${formAction(phonePage.html, '/phone')}`, undefined, { form: { phone, intent: 'sign_in' } });
	if (AT_LOGTO_MS) await new Promise((r) => setTimeout(r, AT_LOGTO_MS));
	let page = await browser.follow(`${idp}${formAction(codePage.html, '/code')}`, atCallback, { form: { code: lastCode(stack.smsOutbox, phone) } });
	if (!atCallback(page.url)) page = await browser.follow(`${idp}${formAction(page.html, '/register')}`, atCallback, { form: {} });
	const callback = await hop(browser, page.url);
	const redeem = await hop(browser, callback.location);
	const landing = await hop(browser, redeem.location);
	if (landing.status !== 200 || !redeem.location.startsWith(`${wp}/wp-admin/`)) throw new Error(`${phone} ended at ${redeem.location} (${landing.status})`);
	// The floors, in the same conditions: a plain login page, the landing page again, the token
	// endpoint. T2's hops came after the visitor's time at Logto, when the servers had been idle
	// that long (cold caches; the bridge's connection to Logto closed, as a Node server such as
	// the idp closes an idle one after 5 s), so the floor waits as long first; with no time at
	// Logto both are warm.
	if (AT_LOGTO_MS) await new Promise((r) => setTimeout(r, AT_LOGTO_MS));
	const floorLogin = (await hop(new Browser(), `${wp}/wp-login.php`)).ms;
	const landingAgain = (await hop(browser, redeem.location)).ms;
	const token = await tokenEndpoint();
	return { t1: start.ms + bridgeStart.ms, t2: callback.ms + redeem.ms + landing.ms, start: start.ms, bridgeStart: bridgeStart.ms, callback: callback.ms, redeem: redeem.ms, landing: landing.ms, plainLogin: loginPage.ms, floor2: token + floorLogin + landingAgain, token, preconnected };
}

/** Each bridge instance's own sums and counts: the callback route's time and the code exchange's. */
async function bridgeTimes() {
	const ports = benchPorts();
	const instances = stack.runtime === 'native' ? ports.bridgeInstances : [ports.bridge];
	const sums = { callback: 0, callbacks: 0, exchange: 0, exchanges: 0 };
	for (const port of instances) {
		const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
		for (const [, name = '', labels = '', raw] of text.matchAll(/^(\w+)\{([^}]*)\} (\S+)$/gm)) {
			const value = Number(raw);
			if (!name.endsWith('_sum') && !name.endsWith('_count')) continue;
			if (name.startsWith('logto_bridge_http_request_duration_seconds') && labels.includes('route="/callback"') && labels.includes('status="303"')) {
				if (name.endsWith('_sum')) sums.callback += value;
				else sums.callbacks += value;
			}
			if (name.startsWith('logto_bridge_logto_token_duration_seconds') && labels.includes('outcome="ok"')) {
				if (name.endsWith('_sum')) sums.exchange += value;
				else sums.exchanges += value;
			}
		}
	}
	return sums;
}

type Sample = Awaited<ReturnType<typeof signIn>>;
const pct = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const row = (name: string, values: number[]) => `  ${name.padEnd(30)} ${[50, 95, 99].map((p) => `${pct(values, p).toFixed(1).padStart(7)}`).join(' ')} ms`;

const accessLog = join(stack.logDir, 'nginx-access.log');
const logSize = () => {
	try {
		return readFileSync(accessLog).length;
	} catch {
		return 0;
	}
};
const tokenTimes: number[] = [];
const base = 5_000_000 + (Date.now() % 2_000_000);
const phones = Array.from({ length: VISITORS }, (_, i) => `+1201${String(base + i).padStart(7, '0')}`);
const runs: Record<string, Sample[]> = { new: [], returning: [] };
try {
	for (let i = 0; i < WARMUP; i++) await signIn(`+1209${String(base + i).padStart(7, '0')}`);
	const logStart = logSize();
	for (const [kind, list] of Object.entries(runs)) {
		const before = await bridgeTimes();
		for (const phone of phones) {
			if (GAP_MS) await new Promise((r) => setTimeout(r, GAP_MS));
			const sample = await signIn(phone);
			list.push(sample);
			tokenTimes.push(sample.token);
		}
		console.log(`\n${stack.runtime}, ${kind} visitors (${list.length}${kind === 'new' && WARMUP ? ` after ${WARMUP} unmeasured` : ''}${GAP_MS ? `, ${GAP_MS / 1000} s apart` : ''}; wp-login.php's preconnect hints: ${list[0]?.preconnected}): p50 / p95 / p99`);
		for (const key of ['t1', 'plainLogin', 'start', 'bridgeStart', 't2', 'floor2', 'callback', 'redeem', 'landing', 'token'] as const) console.log(row(key, list.map((s) => s[key])));
		const ratio = (a: 't1' | 't2', b: 'plainLogin' | 'floor2', p: number) => pct(list.map((s) => s[a]), p) / pct(list.map((s) => s[b]), p);
		for (const p of [50, 95]) {
			const [t1, t2] = [ratio('t1', 'plainLogin', p), ratio('t2', 'floor2', p)];
			console.log(`  p${p}: T1 ${t1.toFixed(2)}x a login page (goal <= 1.3: ${t1 <= 1.3 ? 'met' : 'NOT met'}), T2 ${t2.toFixed(2)}x the floor (goal <= 1.2: ${t2 <= 1.2 ? 'met' : 'NOT met'})`);
		}
		const after = await bridgeTimes();
		const avg = (sum: 'callback' | 'exchange', count: 'callbacks' | 'exchanges') => (((after[sum] - before[sum]) / Math.max(1, after[count] - before[count])) * 1000).toFixed(1);
		console.log(`  inside the bridge, on average: /callback ${avg('callback', 'callbacks')} ms, of which the code exchange ${avg('exchange', 'exchanges')} ms`);
	}
	const lines = readFileSync(accessLog, 'utf8').slice(logStart).split('\n');
	const signIns = runs.new!.length + runs.returning!.length;
	if (lines.length > 1) {
		for (const [name, pattern] of [['health checks', /GET \/healthz/], ['site settings fetches', /site-config HTTP/], ['ticket redemptions', /\/tickets\/redeem/]] as const) {
			console.log(`${name}: ${lines.filter((l) => pattern.test(l)).length} for ${signIns} sign-ins`);
		}
	}
	// Least squares of the token endpoint's time against the sign-in's rank.
	const n = tokenTimes.length;
	const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
	const xs = tokenTimes.map((_, i) => i);
	const [mx, my] = [mean(xs), mean(tokenTimes)];
	const slope = xs.reduce((a, x, i) => a + (x - mx) * (tokenTimes[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
	console.log(`idp token endpoint: ${my.toFixed(1)} ms on average over ${n} sign-ins, slope ${(slope * 1000).toFixed(2)} ms per 1,000 sign-ins`);
} finally {
	await stack.stop();
}
