// Our two Node services, each run from its TypeScript sources through tsx.
import { join } from 'node:path';

import { repoRoot } from './paths.mjs';
import { startService } from './processes.mjs';

const startNode = ({ name, env, url, readyPath, logDir, echo }) =>
	startService({
		name,
		command: process.execPath,
		args: ['--import', 'tsx', join(repoRoot, name, 'src', 'server.ts')],
		cwd: repoRoot,
		env,
		logFile: join(logDir, `${name}.log`),
		echo,
		readyUrl: `${url}${readyPath}`,
		timeoutMs: 60_000,
	});

/** The Logto-compatible identity provider, with its state and SMS outbox under `dataDir`. */
export function startIdp({ port, url, dataDir, clientsFile, logDir, echo, env = {} }) {
	return startNode({
		name: 'idp',
		env: { IDP_PORT: String(port), IDP_DATA_DIR: dataDir, IDP_CLIENTS_FILE: clientsFile, IDP_SMS_OUTBOX: join(dataDir, 'sms-outbox.jsonl'), ...env },
		url,
		readyPath: '/oidc/.well-known/openid-configuration',
		logDir,
		echo,
	});
}

/** The auth bridge for the WordPress site at `wpUrl`. */
export function startBridge({ port, url, wpUrl, sharedSecret, dataDir, logDir, echo, env = {} }) {
	return startNode({
		name: 'bridge',
		env: { BRIDGE_PUBLIC_URL: url, WP_URL: wpUrl, BRIDGE_SHARED_SECRET: sharedSecret, PORT: String(port), BRIDGE_DATA_DIR: dataDir, ...env },
		url,
		readyPath: '/healthz',
		logDir,
		echo,
	});
}
