// Benchmark (not part of npm test): /sign-in redirects per second and latency at concurrency 50
// on loopback, against bare express handlers that only redirect, and the bridge's RSS growth
// over 10,000 pending sign-ins. The bridge and each bare handler run in their own process,
// and so does the load generator (autocannon); the idp and a stand-in WordPress run here.
// Run: npm run bench:bridge; its many-sites mode, BENCH_SITES=100 npm run bench:bridge, is
// bench/bridge-many-sites.ts (npm run bench:sites): one of 100 sites against a bridge of one.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { BINDING, freePort, SECRET, startSystem } from '@logto-bridge/testkit';

import { load as loadUrl, median, type Result, rssMb, waitFor } from './loopback-load.js';

if (process.env.BENCH_SITES) {
	await import('./bridge-many-sites.js');
	process.exit(0);
}

const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
// Several short rounds: on a shared 2-core VM single runs of the same server differ by up to 30%.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PENDING = 10_000;
const repo = join(dirname(new URL(import.meta.url).pathname), '..');
const load = (url: string, extra: string[] = ['-d', String(DURATION_S)]) => loadUrl(url, extra);

/**
 * RSS right after a burst (V8 has just grown its heap for the load), and at rest: polled once
 * a second after a full GC (bench/gc-on-signal.mjs) until three readings agree within 1 MB,
 * which takes V8's memory reducer some seconds. At rest is live memory plus V8's baseline.
 */
async function rssAfterBurstAndAtRest(child: ChildProcess) {
	await new Promise((r) => setTimeout(r, 500));
	const burst = rssMb(child);
	const readings: number[] = [];
	for (let i = 0; i < 40; i++) {
		child.kill('SIGUSR2');
		await new Promise((r) => setTimeout(r, 1000));
		readings.push(rssMb(child));
		const last = readings.slice(-3);
		if (last.length === 3 && Math.max(...last) - Math.min(...last) < 1) break;
	}
	return { burst, rest: readings.at(-1)! };
}

const sys = await startSystem({ instances: 1 });
const bridgePort = await freePort();
const bridgeUrl = `http://127.0.0.1:${bridgePort}`;
const bridge = spawn(
	process.execPath,
	[
		...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/bprof'] : []),
		'--expose-gc',
		'--import',
		join(repo, 'bench/gc-on-signal.mjs'),
		'--import',
		'tsx',
		join(repo, 'bridge/src/cli.ts'),
	],
	{
		cwd: repo,
		stdio: 'ignore',
		env: {
			...process.env,
			BRIDGE_PUBLIC_URL: bridgeUrl,
			WP_URL: sys.wp.url,
			BRIDGE_SHARED_SECRET: SECRET,
			PORT: String(bridgePort),
			BRIDGE_DATA_DIR: mkdtempSync(join(tmpdir(), 'bench-bridge-')),
			// What ships: one info line per sign-in step (written to /dev/null here).
			LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
			// Rate limiting on, at a limit the benchmark never reaches: its cost is measured, not its refusals.
			SIGN_IN_RATE_LIMIT: '1000000000',
		},
	},
);
// Bare express apps that only redirect: with res.redirect() (the target's baseline), with a
// bare 303 + Location as the bridge sends it (the stricter floor), and with express-session
// saving a record the size of a pending sign-in in its memory store before res.redirect()
// (what express-session alone costs: docs/bridge.md). All on the bridge's own express
// (5), not whichever express the repository root hoists.
const record = `{state:'s'.repeat(43),nonce:'n'.repeat(43),verifier:'v'.repeat(43),returnTo:'http://127.0.0.1:8888/',binding:'b'.repeat(64),flow:'0123456789ab',startedAt:Date.now()}`;
const bareApps = {
	redirect: `require('express')().get('/sign-in',(q,s)=>s.redirect(303,'http://127.0.0.1:1/oidc/auth?state=x'))`,
	location: `require('express')().get('/sign-in',(q,s)=>{s.statusCode=303;s.setHeader('Location','http://127.0.0.1:1/oidc/auth?state=x');s.setHeader('Content-Length','0');s.end()})`,
	session:
		`require('express')().use(require('express-session')({secret:'x'.repeat(43),resave:false,saveUninitialized:false,cookie:{httpOnly:true,sameSite:'lax',maxAge:9e5}}))` +
		`.get('/sign-in',(q,s)=>{q.session.signIn=${record};q.session.save(()=>s.redirect(303,'http://127.0.0.1:1/oidc/auth?state=x'))})`,
};
const bare = await Promise.all(
	Object.values(bareApps).map(async (app) => {
		const port = await freePort();
		const child = spawn(process.execPath, ['-e', `process.removeAllListeners('warning');${app}.listen(${port},'127.0.0.1')`], {
			cwd: join(repo, 'bridge'),
			stdio: 'ignore',
		});
		return { child, url: `http://127.0.0.1:${port}/sign-in` };
	}),
);
try {
	await waitFor(`${bridgeUrl}/healthz`);
	for (const { url } of bare) await waitFor(url);
	// Throughput, each after a warm-up (the first fetches and caches the site config and discovery),
	// in rounds that alternate the order, so drift between runs does not count as overhead.
	const targets = [`${bridgeUrl}/sign-in?binding=${BINDING}`, ...bare.map((b) => b.url)];
	for (const url of targets) await load(url, ['-d', '2']);
	const rounds: Result[][] = [];
	for (let round = 0; round < ROUNDS; round++) {
		const order = round % 2 ? [3, 2, 1, 0] : [0, 1, 2, 3];
		const results: Result[] = [];
		for (const i of order) results[i] = await load(targets[i]!);
		rounds.push(results);
		const [b, r] = results as [Result, Result];
		console.log(`round ${round + 1}           bridge ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms, res.redirect ${r.rps.toFixed(0)} req/s: ${(b.rps / r.rps).toFixed(2)}`);
	}
	const of = (i: number) => ({
		rps: median(rounds.map((r) => r[i]!.rps)),
		p50: median(rounds.map((r) => r[i]!.p50)),
		p99: median(rounds.map((r) => r[i]!.p99)),
		bad: rounds.reduce((sum, r) => sum + r[i]!.bad, 0),
	});
	const [bridgeResult, bareResult, bareLocationResult, sessionResult] = [of(0), of(1), of(2), of(3)];
	const ratios = rounds.map((r) => r[0]!.rps / r[1]!.rps);
	const locationRatios = rounds.map((r) => r[0]!.rps / r[2]!.rps);
	const sessionRatios = rounds.map((r) => r[3]!.rps / r[1]!.rps);

	// Memory: each /sign-in leaves one pending sign-in in the store, on top of those the runs
	// above left.
	const rssBefore = await rssAfterBurstAndAtRest(bridge);
	const made = await load(`${bridgeUrl}/sign-in?binding=${BINDING}`, ['-a', String(PENDING)]);
	const rssAfter = await rssAfterBurstAndAtRest(bridge);

	console.log(`bridge /sign-in   ${bridgeResult.rps.toFixed(0)} req/s  p50 ${bridgeResult.p50} ms  p99 ${bridgeResult.p99} ms  (not redirected: ${bridgeResult.bad})`);
	console.log(`bare res.redirect ${bareResult.rps.toFixed(0)} req/s  p50 ${bareResult.p50} ms  p99 ${bareResult.p99} ms`);
	console.log(`bare 303+Location ${bareLocationResult.rps.toFixed(0)} req/s  p50 ${bareLocationResult.p50} ms  p99 ${bareLocationResult.p99} ms`);
	console.log(
		`express-session   ${sessionResult.rps.toFixed(0)} req/s  p50 ${sessionResult.p50} ms  p99 ${sessionResult.p99} ms  ` +
			`(${median(sessionRatios).toFixed(2)} of res.redirect: the ceiling express-session alone leaves)`,
	);
	console.log(
		`ratio             ${median(ratios).toFixed(2)} of res.redirect (target >= 0.4; rounds ${ratios.map((r) => r.toFixed(2)).join(' ')}), ` +
			`${median(locationRatios).toFixed(2)} of 303+Location; bridge p99 ${bridgeResult.p99} ms (target < 25 ms); medians of ${ROUNDS} rounds`,
	);
	console.log(
		`bridge RSS        at rest ${rssBefore.rest.toFixed(1)} MB before, ${rssAfter.rest.toFixed(1)} MB after ${PENDING} more pending sign-ins ` +
			`(${made.bad} failed): +${(rssAfter.rest - rssBefore.rest).toFixed(1)} MB (target < 50 MB); ` +
			`right after the burst of ${PENDING}: ${rssAfter.burst.toFixed(1)} MB`,
	);
} finally {
	bridge.kill('SIGINT');
	await new Promise((r) => bridge.once('exit', r));
	for (const { child } of bare) child.kill();
	await sys.stop();
}
process.exit(0);
