import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

import { ENVIRONMENT, loadConfig } from '../src/config.js';

const deployDir = new URL('../../deploy/', import.meta.url).pathname;

/** deploy/logto-bridge.env as name => { value, commented }. */
function exampleEnvironment() {
	const vars = new Map<string, { value: string; commented: boolean }>();
	for (const line of readFileSync(`${deployDir}logto-bridge.env`, 'utf8').split('\n')) {
		const m = /^(#?)([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
		if (m) vars.set(m[2]!, { value: m[3]!, commented: m[1] === '#' });
	}
	return vars;
}

test('the example environment file names every variable the bridge reads, and only those', () => {
	assert.deepEqual([...exampleEnvironment().keys()].sort(), Object.keys(ENVIRONMENT).sort());
});

test('a commented-out line shows the default the bridge really applies', () => {
	for (const [name, { value, commented }] of exampleEnvironment()) {
		const { default: fallback } = ENVIRONMENT[name as keyof typeof ENVIRONMENT];
		if (commented && fallback !== undefined) assert.equal(value, fallback, name);
	}
});

test('the example is refused until its secret is set, and then valid as written', () => {
	const env = Object.fromEntries([...exampleEnvironment()].filter(([, v]) => !v.commented).map(([k, v]) => [k, v.value]));
	assert.throws(() => loadConfig(env), /BRIDGE_SHARED_SECRET must be at least 32 bytes/);
	const config = loadConfig({ ...env, BRIDGE_SHARED_SECRET: 'a'.repeat(64) });
	assert.equal(config.trustProxy, true, 'behind nginx it trusts the forwarded headers');
	assert.equal(config.host, '127.0.0.1');
	assert.equal(config.dataDir, '/var/lib/logto-bridge', "systemd's StateDirectory");
});

test('the systemd unit is valid and hardened', { skip: !existsSync('/usr/bin/systemd-analyze') && 'systemd-analyze is not installed' }, () => {
	const unit = `${deployDir}logto-bridge.service`;
	const verify = spawnSync('/usr/bin/systemd-analyze', ['verify', unit], { encoding: 'utf8' });
	assert.equal(verify.status, 0, verify.stderr);
	assert.equal(verify.stderr.trim(), '', 'no warning');
	const text = readFileSync(unit, 'utf8');
	for (const line of ['User=logto-bridge', 'NoNewPrivileges=yes', 'ProtectSystem=strict', 'ProtectHome=yes', 'StateDirectory=logto-bridge', 'CapabilityBoundingSet=', 'EnvironmentFile=/etc/logto-bridge/logto-bridge.env']) {
		assert.match(text, new RegExp(`^${line}$`, 'm'), line);
	}
	assert.match(text, /^ExecStart=\/usr\/bin\/node \/opt\/logto-bridge\/node_modules\/@logto-bridge\/bridge\/dist\/logto-bridge\.js$/m, 'runs the installed release with plain node');
});
