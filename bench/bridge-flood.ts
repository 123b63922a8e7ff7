// Benchmark (not part of npm test): an unauthenticated flood of /sign-in at full speed for a
// minute (FLOOD_SECONDS), from many client addresses (FLOOD_ADDRESSES, through a trusted
// proxy header), then a restart. Prints the requests sent, how many were refused (429), the
// embedded store's file size, and how long the restarted bridge takes to be ready.
// Targets: the store file under 50 MB, ready within 5 s. Run: npm run bench:flood
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

import { BINDING, freePort, SECRET, startSystem } from '@logto-bridge/testkit';

const SECONDS = Number(process.env.FLOOD_SECONDS ?? 60);
// Enough addresses to start more sign-ins than the cap holds, few enough that each meets the rate limit.
const ADDRESSES = Number(process.env.FLOOD_ADDRESSES ?? 2_000);
const repo = join(dirname(new URL(import.meta.url).pathname), '..');

const sys = await startSystem({ instances: 1 });
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'bench-flood-'));
const startBridge = (): ChildProcess =>
	spawn(process.execPath, ['--import', 'tsx', join(repo, 'bridge/src/cli.ts')], {
		cwd: repo,
		stdio: 'ignore',
		// The shipped defaults for the rate limit and the pending sign-in cap.
		env: { ...process.env, BRIDGE_PUBLIC_URL: url, WP_URL: sys.wp.url, BRIDGE_SHARED_SECRET: SECRET, PORT: String(port), BRIDGE_DATA_DIR: dataDir, TRUST_PROXY: '1', LOG_LEVEL: 'warn' },
	});
const stop = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve).kill('SIGINT'));

/** Milliseconds until /readyz answers ok (store, WordPress config, Logto discovery and keys). */
async function msUntilReady(since: number) {
	for (;;) {
		try {
			if ((await fetch(`${url}/readyz`)).ok) return Date.now() - since;
		} catch {
			// not listening yet
		}
		if (Date.now() - since > 60_000) throw new Error('the bridge was not ready within 60 s');
		await new Promise((r) => setTimeout(r, 50));
	}
}

let bridge = startBridge();
try {
	await msUntilReady(Date.now());
	const { stdout } = await promisify(execFile)(process.execPath, [join(repo, 'bench/flood-client.mjs'), `${url}/sign-in?binding=${BINDING}`, String(SECONDS), String(ADDRESSES)], {
		maxBuffer: 64 << 20,
		cwd: repo,
	});
	const flood = JSON.parse(stdout) as { total: number; statusCodeStats: Record<string, { count: number }>; errors: number; rps: number };
	await stop(bridge);
	const storeMb = statSync(join(dataDir, 'store.jsonl')).size / 2 ** 20;
	const restartedAt = Date.now();
	bridge = startBridge();
	const readyMs = await msUntilReady(restartedAt);
	const count = (code: string) => flood.statusCodeStats[code]?.count ?? 0;
	console.log(`flood            ${SECONDS} s from ${ADDRESSES} addresses: ${flood.total} requests (${flood.rps.toFixed(0)} req/s), ${count('303')} started a sign-in, ${count('429')} refused with 429, ${flood.errors} errors`);
	console.log(`store file       ${storeMb.toFixed(1)} MB after the flood (target < 50 MB)`);
	console.log(`restart          ready in ${(readyMs / 1000).toFixed(2)} s (target < 5 s)`);
} finally {
	await stop(bridge);
	await sys.stop();
}
process.exit(0);
