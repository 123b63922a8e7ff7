// Benchmark (not part of npm test): N new visitors (default 50) sign up by phone from
// wp-login.php at the same moment, over HTTP, through WordPress, the bridge and the idp. Prints
// the time until the last one is signed in, the failures, and what the PHP, WordPress and
// nginx error logs gained. The e2e suite asserts the same load's correctness on the native
// runtime; this prints how long it takes. Run: WP_RUNTIME=native npm run bench:load
// (WP_RUNTIME=playground works too; BENCH_VISITORS; ports BENCH_WP_PORT, BENCH_BRIDGE_PORT, ...).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { phoneSignUp } from '@logto-bridge/testkit/visitor';
import { startBenchStack } from './wp-stack.js';

const VISITORS = Number(process.env.BENCH_VISITORS ?? 50);
const stack = await startBenchStack('bench-load', {
	// As many visitors from one address as the load needs: the limits have tests of their own.
	bridgeEnv: { SIGN_IN_RATE_LIMIT: '100000' },
	idpEnv: { IDP_SMS_PER_IP_PER_HOUR: '100000' },
});
const logs = ['php-error.log', 'wp-debug.log', 'nginx-error.log'].map((name) => join(stack.logDir, name)).filter(existsSync);
const sizes = new Map(logs.map((file) => [file, readFileSync(file).length]));
try {
	const site = { wpUrl: stack.urls.wordpress, idpUrl: stack.urls.idp, outbox: stack.smsOutbox };
	// A run-unique block of numbers: the idp keeps its accounts between runs.
	const base = 7_000_000 + (Date.now() % 2_000_000);
	const started = performance.now();
	const results = await Promise.all(
		Array.from({ length: VISITORS }, async (_, i) => {
			const t0 = performance.now();
			const end = await phoneSignUp(site, `+1201${String(base + i).padStart(7, '0')}`).then((r) => r.url, (e: Error) => `error: ${e.message}`);
			return { ok: end === `${stack.urls.wordpress}/wp-admin/`, end, ms: performance.now() - t0 };
		}),
	);
	const total = performance.now() - started;
	const times = results.map((r) => r.ms).sort((a, b) => a - b);
	const failed = results.filter((r) => !r.ok);
	console.log(`${stack.runtime}: ${VISITORS} new visitors at once, last signed in after ${(total / 1000).toFixed(2)} s; per visitor median ${(times[Math.floor(VISITORS / 2)]! / 1000).toFixed(2)} s, slowest ${(times.at(-1)! / 1000).toFixed(2)} s`);
	console.log(`failures: ${failed.length}${failed.length ? ` (first: ${failed[0]!.end})` : ''}`);
	for (const file of logs) {
		const gained = readFileSync(file, 'utf8').slice(sizes.get(file));
		console.log(`${file.split('/').at(-1)}: ${gained ? `${gained.trim().split('\n').length} new line(s), first: ${gained.split('\n')[0]}` : 'no new lines'}`);
	}
} finally {
	await stack.stop();
}
