import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { freePort } from '@logto-bridge/testkit';

import { installBridgeRelease } from '../../scripts/lib/bridge-release.mjs';
import { ENVIRONMENT } from '../src/config.js';

const env = { BRIDGE_PUBLIC_URL: 'https://auth.example.com', WP_URL: 'https://blog.example.com', BRIDGE_SHARED_SECRET: 'x'.repeat(32), PATH: process.env.PATH ?? '' };

// The bridge as it ships: built, packed, and installed from its tarball into an empty folder.
const release = installBridgeRelease(mkdtempSync(join(tmpdir(), 'bridge-release-')));
const { home } = release;
const bin = join(home, 'node_modules', '.bin', 'logto-bridge');

test('the tarball holds the bundle and its package.json, nothing else', () => {
	assert.deepEqual(release.files.sort(), ['dist/logto-bridge.js', 'package.json']);
});

test('installed from its tarball: only run-time dependencies, and a logto-bridge command run by plain node', () => {
	const installed = readdirSync(join(home, 'node_modules'));
	for (const dev of ['tsx', 'typescript', 'esbuild', '@types']) assert.ok(!installed.includes(dev), `${dev} is not installed`);
	assert.deepEqual(readdirSync(join(home, 'node_modules', '@logto-bridge')), ['bridge'], 'the contract is bundled in, not a dependency');
	const help = spawnSync(bin, ['--help'], { env, encoding: 'utf8' });
	assert.equal(help.status, 0);
	for (const [name, v] of Object.entries(ENVIRONMENT)) {
		assert.match(help.stdout, new RegExp(`${name}\\s+${v.default === undefined ? '\\(no default\\)' : `default ${v.default}`}`), name);
	}
});

test('--check says the configuration is valid, or what is wrong with it', () => {
	const ok = spawnSync(bin, ['--check'], { env, encoding: 'utf8' });
	assert.equal(ok.status, 0, ok.stderr);
	assert.match(ok.stdout, /configuration is valid/);
	const short = spawnSync(bin, ['--check'], { env: { ...env, BRIDGE_SHARED_SECRET: 'short' }, encoding: 'utf8' });
	assert.equal(short.status, 1);
	assert.match(short.stderr, /BRIDGE_SHARED_SECRET must be at least 32 bytes/);
	const { WP_URL: _omitted, ...withoutWp } = env;
	assert.match(spawnSync(bin, ['--check'], { env: withoutWp, encoding: 'utf8' }).stderr, /WP_URL is required/);
	assert.match(spawnSync(bin, ['--check'], { env: { ...env, WP_URL: 'http://blog.example.com' }, encoding: 'utf8' }).stderr, /WP_URL must be https/);
});

test('the installed bridge serves', async () => {
	const port = await freePort();
	const child = spawn(bin, [], { env: { ...env, PORT: String(port), BRIDGE_DATA_DIR: join(home, 'data'), LOG_LEVEL: 'silent' } });
	try {
		let res: Response | undefined;
		for (let i = 0; i < 50 && !res; i++) {
			res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
			if (!res) await new Promise((r) => setTimeout(r, 100));
		}
		assert.equal(res?.status, 200);
	} finally {
		child.kill('SIGTERM');
	}
});
