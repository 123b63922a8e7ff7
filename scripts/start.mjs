#!/usr/bin/env node
// `npm start`: builds what is missing, starts the local system on 127.0.0.1, prints where
// everything is, and stops every child process on Ctrl-C / SIGTERM.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { stopAll, stopOnSignals } from './lib/processes.mjs';
import { defaultDataDir, repoRoot } from './lib/paths.mjs';
import { envPort } from './lib/ports.mjs';
import { startStack } from './lib/stack.mjs';

const port = (name, fallback) => {
	try {
		return envPort(name, fallback);
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
};

stopOnSignals();
if (process.env.SKIP_BUILD !== '1' || !existsSync(join(repoRoot, 'plugin', 'build', 'settings', 'index.js'))) {
	console.log('Building the block and the settings app...');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
}

try {
	const stack = await startStack({
		dataDir: process.env.DATA_DIR ?? defaultDataDir,
		ports: { wordpress: port('WP_PORT', 8888), bridge: port('BRIDGE_PORT', 3000), idp: port('IDP_PORT', 3001) },
		echo: process.env.QUIET !== '1',
	});
	console.log(`
Logto Bridge is running (Ctrl-C stops everything):
  WordPress      ${stack.wordpressUrl}/wp-admin/   user admin / password
  Logto settings ${stack.wordpressUrl}/wp-admin/admin.php?page=logto-bridge
  Auth bridge    ${stack.urls.bridge}   (readiness: ${stack.urls.bridge}/readyz)
  Identity (Logto-compatible) ${stack.urls.idp}/oidc   app ID ${stack.secrets.appId}
  Sample phone   +8613800138000 (a new account) or +12015550123 (role editor)
  SMS codes      printed here as "[idp] SMS to ..."; also in ${stack.smsOutbox}
  Logs           ${stack.logDir}
`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	await stopAll();
	process.exit(1);
}
