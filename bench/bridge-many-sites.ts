// Benchmark (not part of npm test): what serving many sites costs a request (#27). One bridge
// for one site (WP_URL) and one for BENCH_SITES sites (BRIDGE_SITES_FILE, 100 by default), same
// code, each in its own process; autocannon (its own process) drives /sign-in on the one site
// and on one site of the hundred, in rounds that alternate the order. Prints req/s and
// p50/p99 of each, the ratio (goal: the many-sites bridge within 10% of the single one) and both
// bridges' resident memory. The other sites point at a WordPress that is not there: idle sites.
// Run: npm run bench:sites
import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { BINDING, freePort, SECRET, startSystem } from '@logto-bridge/testkit';

import { load, median, rssMb, waitFor } from './loopback-load.js';

const SITES = Number(process.env.BENCH_SITES ?? 100);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DURATION = ['-d', process.env.BENCH_SECONDS ?? '5'];
const repo = join(dirname(new URL(import.meta.url).pathname), '..');
const dir = mkdtempSync(join(tmpdir(), 'bench-sites-'));
const sys = await startSystem({ instances: 1 });
const measured = `site-${Math.floor(SITES / 2)}`;
const deadWordPress = `http://127.0.0.1:${await freePort()}`;
const sitesFile = join(dir, 'sites.json');
writeFileSync(
	sitesFile,
	JSON.stringify({
		sites: Array.from({ length: SITES }, (_, i) =>
			`site-${i}` === measured ? { id: measured, wpUrl: sys.wp.url, sharedSecret: SECRET } : { id: `site-${i}`, wpUrl: deadWordPress, sharedSecret: randomBytes(32).toString('hex') },
		),
	}),
);

async function bridge(env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
	const port = await freePort();
	const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'bridge/src/cli.ts')], {
		cwd: repo,
		stdio: 'ignore',
		env: { ...process.env, ...env, BRIDGE_PUBLIC_URL: `http://127.0.0.1:${port}`, PORT: String(port), BRIDGE_DATA_DIR: mkdtempSync(join(dir, 'bridge-')), LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', SIGN_IN_RATE_LIMIT: '1000000000' },
	});
	return { child, port };
}

const one = await bridge({ WP_URL: sys.wp.url, BRIDGE_SHARED_SECRET: SECRET });
const many = await bridge({ BRIDGE_SITES_FILE: sitesFile });
const targets = [`http://127.0.0.1:${one.port}/sign-in?binding=${BINDING}`, `http://127.0.0.1:${many.port}/sites/${measured}/sign-in?binding=${BINDING}`];
try {
	await waitFor(`http://127.0.0.1:${one.port}/healthz`);
	await waitFor(`http://127.0.0.1:${many.port}/healthz`);
	// Warm-up: each fetches its site's settings and Logto's discovery once.
	for (const url of targets) await load(url, ['-d', '2']);
	const rounds: Array<Awaited<ReturnType<typeof load>>[]> = [];
	for (let round = 0; round < ROUNDS; round++) {
		const results: Awaited<ReturnType<typeof load>>[] = [];
		for (const i of round % 2 ? [1, 0] : [0, 1]) results[i] = await load(targets[i]!, DURATION);
		rounds.push(results);
		console.log(`round ${round + 1}  one site ${results[0]!.rps.toFixed(0)} req/s, ${SITES} sites ${results[1]!.rps.toFixed(0)} req/s: ${(results[1]!.rps / results[0]!.rps).toFixed(2)}`);
	}
	for (const [i, name] of [[0, 'one site'], [1, `${SITES} sites`]] as const) {
		const bad = rounds.reduce((sum, r) => sum + r[i]!.bad, 0);
		console.log(`${name.padEnd(10)} ${median(rounds.map((r) => r[i]!.rps)).toFixed(0)} req/s  p50 ${median(rounds.map((r) => r[i]!.p50))} ms  p99 ${median(rounds.map((r) => r[i]!.p99))} ms  (not redirected: ${bad})`);
	}
	const ratio = median(rounds.map((r) => r[1]!.rps / r[0]!.rps));
	console.log(`ratio      ${ratio.toFixed(2)} of the single-site bridge's req/s (goal >= 0.90: ${ratio >= 0.9 ? 'met' : 'NOT met'}); medians of ${ROUNDS} rounds`);
	console.log(`RSS        one site ${rssMb(one.child).toFixed(1)} MB, ${SITES} sites ${rssMb(many.child).toFixed(1)} MB`);
} finally {
	for (const { child } of [one, many]) {
		child.kill('SIGINT');
		await new Promise((r) => child.once('exit', r));
	}
	await sys.stop();
}
process.exit(0);
