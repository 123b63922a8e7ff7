// Benchmark (not part of npm test): what the plugin costs on ordinary pages. Median and p90 of
// the front page and of wp-login.php with the plugin active vs inactive, in the same run,
// 200 requests each after warm-up. Run: npm run bench:wp
import { join } from 'node:path';

import { Browser } from '@logto-bridge/testkit/browser';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { startStack } from '../scripts/lib/stack.mjs';

const N = Number(process.env.BENCH_REQUESTS ?? 200);
const stack = await startStack({
	dataDir: join(repoRoot, '.data', 'bench'),
	ports: { wordpress: 8890, bridge: 3200, idp: 3201 },
	fresh: true,
});

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

try {
	const pages = { 'front page': `${stack.wordpressUrl}/`, 'wp-login.php': `${stack.wordpressUrl}/wp-login.php` };
	const results: Record<string, Record<string, { median: number; p90: number }>> = {};
	for (const active of [true, false]) {
		await setPluginActive(active);
		for (const [name, url] of Object.entries(pages)) {
			(results[name] ??= {})[active ? 'active' : 'inactive'] = await time(url);
		}
	}
	const ms = (n: number) => `${n.toFixed(1)} ms`;
	for (const [name, r] of Object.entries(results)) {
		const on = r.active!;
		const off = r.inactive!;
		console.log(
			`${name.padEnd(13)} active: median ${ms(on.median)}, p90 ${ms(on.p90)} | inactive: median ${ms(off.median)}, p90 ${ms(off.p90)} | ratio ${(on.median / off.median).toFixed(3)}${name === 'front page' ? ' (target <= 1.02)' : ''}`,
		);
	}
} finally {
	await stack.stop();
}
