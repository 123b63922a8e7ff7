// Shared by the bridge benchmarks: autocannon in its own process against a loopback URL, waiting
// for a server to come up, and a child process's resident memory.
import { execFile, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

export const CONNECTIONS = 50;
const require = createRequire(import.meta.url);
const autocannonBin = join(dirname(require.resolve('autocannon/package.json')), 'autocannon.js');

export type Result = { rps: number; p50: number; p99: number; bad: number };

/** Requests per second and latency at CONNECTIONS concurrent connections (redirects count as good answers). */
export async function load(url: string, extra: string[]): Promise<Result> {
	const { stdout } = await promisify(execFile)(process.execPath, [autocannonBin, '-j', '-c', String(CONNECTIONS), ...extra, url], { maxBuffer: 64 << 20 });
	const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; '3xx': number; errors: number };
	return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx - r['3xx'] + r.errors };
}

export async function waitFor(url: string) {
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

export const rssMb = (child: ChildProcess) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
