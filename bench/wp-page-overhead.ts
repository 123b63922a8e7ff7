// Benchmark (not part of npm test): what the plugin costs on ordinary pages, the front page and
// wp-login.php. Rounds alternate the order (active then inactive, then inactive then active) so
// that drift over the run cancels out instead of counting as overhead; each round gives the ratio
// of the medians, and the result is the median of those ratios with their spread.
// Run: npm run bench:wp, or WP_RUNTIME=native npm run bench:wp for nginx + php-fpm + MariaDB
// (BENCH_ROUNDS, BENCH_REQUESTS per page and state in a round; ports BENCH_WP_PORT, ...).

import { Browser } from '@logto-bridge/testkit/browser';
import { startBenchStack } from './wp-stack.js';

const N = Number(process.env.BENCH_REQUESTS ?? 50);
const ROUNDS = Math.max(10, Number(process.env.BENCH_ROUNDS ?? 10));
const stack = await startBenchStack('bench');

async function time(url: string): Promise<{ median: number; p90: number }> {
	for (let i = 0; i < 20; i++) await (await fetch(url, { redirect: 'manual' })).arrayBuffer();
	const samples: number[] = [];
	for (let i = 0; i < N; i++) {
		const t0 = performance.now();
		const res = await fetch(url, { redirect: 'manual' });
		await res.arrayBuffer();
		samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	return { median: samples[Math.floor(N / 2)]!, p90: samples[Math.floor(N * 0.9)]! };
}

async function setPluginActive(active: boolean) {
	const browser = new Browser();
	const wp = stack.wordpressUrl;
	await browser.request(`${wp}/wp-login.php`);
	await browser.follow(`${wp}/wp-login.php`, () => true, { form: { log: 'admin', pwd: 'password', testcookie: '1', logto_break_glass: '1' } });
	const nonce = await (await browser.request(`${wp}/wp-admin/admin-ajax.php?action=rest-nonce`)).text();
	const res = await fetch(`${wp}/wp-json/wp/v2/plugins/logto-bridge/logto-bridge`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-wp-nonce': nonce, cookie: browser.cookieHeader(wp) },
		body: JSON.stringify({ status: active ? 'active' : 'inactive' }),
	});
	if (!res.ok) throw new Error(`could not set the plugin ${active ? 'active' : 'inactive'}: ${res.status}`);
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

try {
	const pages = { 'front page': `${stack.wordpressUrl}/`, 'wp-login.php': `${stack.wordpressUrl}/wp-login.php` };
	const ratios: Record<string, number[]> = {};
	const medians: Record<string, { active: number[]; inactive: number[] }> = {};
	for (let round = 0; round < ROUNDS; round++) {
		const order = round % 2 === 0 ? [true, false] : [false, true];
		const thisRound: Record<string, Record<string, number>> = {};
		for (const active of order) {
			await setPluginActive(active);
			for (const [name, url] of Object.entries(pages)) {
				const { median: m } = await time(url);
				(thisRound[name] ??= {})[active ? 'active' : 'inactive'] = m;
				(medians[name] ??= { active: [], inactive: [] })[active ? 'active' : 'inactive'].push(m);
			}
		}
		for (const [name, r] of Object.entries(thisRound)) (ratios[name] ??= []).push(r.active! / r.inactive!);
	}
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	console.log(`${stack.runtime}: ${ROUNDS} rounds of ${N} requests per page and state, alternating the order (target: ratio <= 1.02)`);
	for (const [name, r] of Object.entries(ratios)) {
		const sorted = [...r].sort((x, y) => x - y);
		console.log(
			`${name.padEnd(13)} ratio median ${median(r).toFixed(3)} (rounds ${sorted[0]!.toFixed(3)}-${sorted.at(-1)!.toFixed(3)}) | active median ${ms(median(medians[name]!.active))}, inactive ${ms(median(medians[name]!.inactive))}`,
		);
	}
} finally {
	await stack.stop();
}
