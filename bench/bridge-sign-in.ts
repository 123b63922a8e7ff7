// Benchmark (not part of npm test): /sign-in redirects per second and latency at concurrency 50
// on loopback, against a bare express handler that only redirects, plus the bridge's RSS growth
// over 10,000 pending sign-ins. Run: npm run bench:bridge
import type { Server } from 'node:http';

import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import express from 'express';

import { freePort, startSystem } from '../bridge/test/helpers.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);

type Result = { rps: number; p50: number; p99: number; non3xx: number };

// The load generator runs in its own process (the other core), not on the bridge's event loop.
const autocannonBin = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');
async function load(url: string): Promise<Result> {
	const { stdout } = await promisify(execFile)(process.execPath, [autocannonBin, '-j', '-c', String(CONNECTIONS), '-d', String(DURATION_S), url], {
		maxBuffer: 16 * 1024 * 1024,
	});
	const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; '3xx': number; errors: number };
	return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non3xx: r.non2xx - r['3xx'] + r.errors };
}

const sys = await startSystem();
const bridge = sys.bridges[0]!.url;
// Warm up: discovery and site config are fetched once, then cached.
for (let i = 0; i < 200; i++) await fetch(`${bridge}/sign-in`, { redirect: 'manual' });

const barePort = await freePort();
const bare = express();
bare.get('/sign-in', (_req, res) => res.redirect(303, 'http://127.0.0.1:1/oidc/auth?state=x'));
const bareServer: Server = await new Promise((resolve) => {
	const s = bare.listen(barePort, '127.0.0.1', () => resolve(s));
});

const bridgeResult = await load(`${bridge}/sign-in`);
const bareResult = await load(`http://127.0.0.1:${barePort}/sign-in`);

global.gc?.();
const rssBefore = process.memoryUsage().rss;
const PENDING = 10_000;
let started = 0;
await Promise.all(
	Array.from({ length: CONNECTIONS }, async () => {
		while (started < PENDING) {
			started++;
			const res = await fetch(`${bridge}/sign-in`, { redirect: 'manual' });
			await res.arrayBuffer();
		}
	}),
);
global.gc?.();
const rssAfter = process.memoryUsage().rss;

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`bridge /sign-in   ${bridgeResult.rps.toFixed(0)} req/s  p50 ${bridgeResult.p50} ms  p99 ${bridgeResult.p99} ms  (non-redirects ${bridgeResult.non3xx})`);
console.log(`bare redirect     ${bareResult.rps.toFixed(0)} req/s  p50 ${bareResult.p50} ms  p99 ${bareResult.p99} ms`);
console.log(`ratio             ${(bridgeResult.rps / bareResult.rps).toFixed(2)} (target >= 0.6); bridge p99 target < 25 ms`);
console.log(`RSS               ${mb(rssBefore)} MB before, ${mb(rssAfter)} MB after ${PENDING} pending sign-ins: +${mb(rssAfter - rssBefore)} MB (target < 50 MB)`);

bareServer.close();
await sys.stop();
process.exit(0);
