// Our two Node services, each run from its TypeScript sources through tsx, or the bridge from its
// installed release (the native runtime); the bridge on the Node.js BRIDGE_NODE names, when set.
import { join } from 'node:path';

import { nodeBinary } from './node-binary.mjs';
import { repoRoot } from './paths.mjs';
import { startService } from './processes.mjs';

// Each listens on 127.0.0.1:port; readiness is asked there, not at a public URL a proxy serves.
const startNode = ({ name, entry = 'server.ts', release, node = process.execPath, label = name, env, port, readyPath, logDir, echo }) =>
	startService({
		name: label,
		command: node,
		args: release ? [release] : ['--import', 'tsx', join(repoRoot, name, 'src', entry)],
		cwd: repoRoot,
		env,
		logFile: join(logDir, `${label}.log`),
		echo,
		readyUrl: `http://127.0.0.1:${port}${readyPath}`,
		timeoutMs: 60_000,
	});

/** The Logto-compatible identity provider, with its state and SMS outbox under `dataDir`. */
export function startIdp({ port, dataDir, clientsFile, logDir, echo, env = {} }) {
	return startNode({
		name: 'idp',
		env: { IDP_PORT: String(port), IDP_DATA_DIR: dataDir, IDP_CLIENTS_FILE: clientsFile, IDP_SMS_OUTBOX: join(dataDir, 'sms-outbox.jsonl'), ...env },
		port,
		readyPath: '/oidc/.well-known/openid-configuration',
		logDir,
		echo,
	});
}

/**
 * The auth bridge for the WordPress site at `wpUrl`, reached at `url` (directly, or through a proxy);
 * `instance` names one of several; `release`: the installed release's script (bridge-release.mjs) instead of the sources.
 * Without `wpUrl` and `sharedSecret` it serves the sites its env's BRIDGE_SITES_FILE lists.
 */
export function startBridge({ port, url, wpUrl, sharedSecret, dataDir, logDir, echo, instance, release, env = {} }) {
	return startNode({
		name: 'bridge',
		entry: 'cli.ts',
		release,
		// BRIDGE_NODE=22|24 runs the bridge on that Node.js (scripts/lib/node-binary.mjs).
		node: nodeBinary(),
		label: instance ? `bridge-${instance}` : 'bridge',
		env: { BRIDGE_PUBLIC_URL: url, ...(wpUrl ? { WP_URL: wpUrl, BRIDGE_SHARED_SECRET: sharedSecret } : {}), PORT: String(port), BRIDGE_DATA_DIR: dataDir, ...(instance ? { BRIDGE_INSTANCE: instance } : {}), ...env },
		port,
		readyPath: '/healthz',
		logDir,
		echo,
	});
}
