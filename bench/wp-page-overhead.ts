// Benchmark (not part of npm test): what the plugin costs on ordinary pages, the front page and
// wp-login.php. Requests alternate with and without the plugin one by one (a benchmark-only
// mu-plugin serves `?bench_plugins=off` as if no plugin were active), and each pair swaps its
// order, so drift of the machine cancels out instead of counting as overhead. A round is a run of
// such pairs; each gives the ratio of its medians, and the result is the median of those ratios
// with their spread. Switching the plugin off between blocks of requests, as this did before,
// mixed the machine's drift into the ratio: 1.05 on one run, 0.99 on the next.
// Run: npm run bench:wp, or WP_RUNTIME=native npm run bench:wp for nginx + php-fpm + MariaDB
// (BENCH_ROUNDS, BENCH_REQUESTS pairs per page in a round; ports BENCH_WP_PORT, ...).
import { fileURLToPath } from 'node:url';

import { startBenchStack } from './wp-stack.js';

const N = Number(process.env.BENCH_REQUESTS ?? 50);
const ROUNDS = Math.max(10, Number(process.env.BENCH_ROUNDS ?? 10));
const TARGET = 1.02;
const stack = await startBenchStack('bench', {
	wpMounts: [[fileURLToPath(new URL('./mu-plugins', import.meta.url)), '/wordpress/wp-content/mu-plugins']],
});

async function time(url: string): Promise<number> {
	const t0 = performance.now();
	const res = await fetch(url, { redirect: 'manual' });
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
	return performance.now() - t0;
}

const median = (values: number[]) => {
	const s = [...values].sort((x, y) => x - y);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

try {
	const pages = { 'front page': `${stack.wordpressUrl}/`, 'wp-login.php': `${stack.wordpressUrl}/wp-login.php` };
	const url = (page: string, active: boolean) => `${page}?bench_plugins=${active ? 'on' : 'off'}`;
	// Warm-up: opcache, object caches and connections, in both states.
	for (let i = 0; i < 20; i++) for (const page of Object.values(pages)) for (const active of [true, false]) await time(url(page, active));
	const ratios: Record<string, number[]> = {};
	const all: Record<string, { active: number[]; inactive: number[] }> = {};
	for (let round = 0; round < ROUNDS; round++) {
		const samples: Record<string, { active: number[]; inactive: number[] }> = {};
		for (let i = 0; i < N; i++) {
			for (const [name, page] of Object.entries(pages)) {
				const s = (samples[name] ??= { active: [], inactive: [] });
				for (const active of (round + i) % 2 === 0 ? [true, false] : [false, true]) {
					s[active ? 'active' : 'inactive'].push(await time(url(page, active)));
				}
			}
		}
		for (const [name, s] of Object.entries(samples)) {
			(ratios[name] ??= []).push(median(s.active) / median(s.inactive));
			const a = (all[name] ??= { active: [], inactive: [] });
			a.active.push(...s.active);
			a.inactive.push(...s.inactive);
		}
	}
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	console.log(`${stack.runtime}: ${ROUNDS} rounds of ${N} alternating pairs per page (target: ratio <= ${TARGET})`);
	for (const [name, r] of Object.entries(ratios)) {
		const sorted = [...r].sort((x, y) => x - y);
		const m = median(r);
		console.log(
			`${name.padEnd(13)} ratio median ${m.toFixed(3)} (rounds ${sorted[0]!.toFixed(3)}-${sorted.at(-1)!.toFixed(3)}) | active median ${ms(median(all[name]!.active))}, inactive ${ms(median(all[name]!.inactive))} | ${m <= TARGET ? 'within target' : 'ABOVE TARGET'}`,
		);
	}
} finally {
	await stack.stop();
}
