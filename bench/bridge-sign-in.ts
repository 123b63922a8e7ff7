// Benchmark (not part of npm test): /sign-in redirects per second and latency at concurrency 50
// on loopback, against a bare express handler that only redirects, and the bridge's RSS growth
// over 10,000 pending sign-ins. The bridge and the bare handler each run in their own process,
// and so does the load generator (autocannon); the idp and a stand-in WordPress run here.
// Run: npm run bench:bridge
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { freePort, SECRET, startSystem } from '../bridge/test/helpers.js';

const CONNECTIONS = 50;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const PENDING = 10_000;
const require = createRequire(import.meta.url);
const autocannonBin = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
const repo = join(dirname(new URL(import.meta.url).pathname), '..');

type Result = { rps: number; p50: number; p99: number; bad: number };

async function load(url: string, extra: string[] = ['-d', String(DURATION_S)]): Promise<Result> {
	const { stdout } = await promisify(execFile)(process.execPath, [autocannonBin, '-j', '-c', String(CONNECTIONS), ...extra, url], { maxBuffer: 64 << 20 });
	const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; '3xx': number; errors: number };
	return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx - r['3xx'] + r.errors };
}

async function waitFor(url: string) {
	for (let i = 0; i < 200; i++) {
		try {
			await (await fetch(url, { redirect: 'manual' })).arrayBuffer();
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	throw new Error(`${url} did not come up`);
}

const rssMb = (child: ChildProcess) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;

const sys = await startSystem({ instances: 1 });
const bridgePort = await freePort();
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
const bridge = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bprof'] : []), '--import', 'tsx', join(repo, 'bridge/src/server.ts')], {
	cwd: repo,
	stdio: 'ignore',
	env: {
		...process.env,
		BRIDGE_PUBLIC_URL: bridgeUrl,
		WP_URL: sys.wp.url,
		BRIDGE_SHARED_SECRET: SECRET,
		PORT: String(bridgePort),
		BRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-bridge-')),
		LOG_LEVEL: 'warn',
	},
});
const barePort = await freePort();
const bare = spawn(
	process.execPath,
	['-e', `require('express')().get('/sign-in',(q,s)=>s.redirect(303,'http://127.0.0.1:1/oidc/auth?state=x')).listen(${barePort},'127.0.0.1')`],
	{ cwd: repo, stdio: 'ignore' },
);
try {
	await waitFor(`${bridgeUrl}/healthz`);
	await waitFor(`http://127.0.0.1:${barePort}/sign-in`);
	// Warm-up: the site config and Logto discovery are fetched once, then cached.
	await load(`${bridgeUrl}/sign-in`, ['-d', '2']);
	await load(`http://127.0.0.1:${barePort}/sign-in`, ['-d', '2']);

	const bridgeResult = await load(`${bridgeUrl}/sign-in`);
	const bareResult = await load(`http://127.0.0.1:${barePort}/sign-in`);

	await new Promise((r) => setTimeout(r, 1000));
	const rssBefore = rssMb(bridge);
	// Each /sign-in leaves one pending sign-in (a session) in the store.
	const made = await load(`${bridgeUrl}/sign-in`, ['-a', String(PENDING)]);
	await new Promise((r) => setTimeout(r, 1000));
	const rssAfter = rssMb(bridge);

	console.log(`bridge /sign-in   ${bridgeResult.rps.toFixed(0)} req/s  p50 ${bridgeResult.p50} ms  p99 ${bridgeResult.p99} ms  (not redirected: ${bridgeResult.bad})`);
	console.log(`bare redirect     ${bareResult.rps.toFixed(0)} req/s  p50 ${bareResult.p50} ms  p99 ${bareResult.p99} ms`);
	console.log(`ratio             ${(bridgeResult.rps / bareResult.rps).toFixed(2)} (target >= 0.6); bridge p99 ${bridgeResult.p99} ms (target < 25 ms)`);
	console.log(
		`bridge RSS        ${rssBefore.toFixed(1)} MB before, ${rssAfter.toFixed(1)} MB after ${PENDING} more pending sign-ins (${made.bad} failed): ` +
			`+${(rssAfter - rssBefore).toFixed(1)} MB (target < 50 MB)`,
	);
} finally {
	bridge.kill('SIGINT');
	await new Promise((r) => bridge.once('exit', r));
	bare.kill();
	await sys.stop();
}
process.exit(0);
