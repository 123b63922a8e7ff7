#!/usr/bin/env node
// `npm start`: builds what is missing, starts the local system on 127.0.0.1, prints where
// everything is, and stops every child process on Ctrl-C / SIGTERM.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { stopAll, stopOnSignals } from './lib/processes.mjs';
import { defaultDataDir, repoRoot } from './lib/paths.mjs';
import { stackPorts } from './lib/ports.mjs';
import { runtimeFromEnv, startStack } from './lib/stack.mjs';

stopOnSignals();
if (process.env.SKIP_BUILD !== '1' || !existsSync(join(repoRoot, 'plugin', 'build', 'settings', 'index.js')) || !existsSync(join(repoRoot, 'mobile', 'dist', 'index.html'))) {
	console.log('Building the block, the settings app and the mobile app...');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
}

try {
	const runtime = runtimeFromEnv();
	const stack = await startStack({
		runtime,
		// Each runtime keeps its own state.
		dataDir: process.env.DATA_DIR ?? (runtime === 'native' ? join(defaultDataDir, 'native-stack') : defaultDataDir),
		ports: stackPorts('', { wordpress: 8888, bridge: 3000, idp: 3001 }),
		echo: process.env.QUIET !== '1',
	});
	console.log(`
Logto Bridge is running (Ctrl-C stops everything):
  WordPress      ${stack.wordpressUrl}/wp-admin/   user admin / password
  Logto settings ${stack.wordpressUrl}/wp-admin/admin.php?page=logto-bridge
  Auth bridge    ${stack.urls.bridge}   (readiness: ${stack.urls.bridge}/readyz)
  Identity (Logto-compatible) ${stack.urls.idp}/oidc   ${process.env.IDP_EMPTY === '1' ? 'started empty: run "Set up Logto for me" in Logto > Settings' : `app ID ${stack.secrets.appId}`}
${stack.nativeApp ? `  Mobile app     ${stack.nativeApp.url}/   (web build; Logto Native app ${stack.nativeApp.id})\n` : ''}  Management API ${stack.urls.idp}/api   M2M app wordpress-setup, secret local-setup-secret (local idp only)
  Sample phone   +8613800138000 (a new account) or +12015550123 (role editor)
  SMS codes      printed here as "[idp] SMS to ..."; also in ${stack.smsOutbox}
  Logs           ${stack.logDir}${stack.tls ? `\n  TLS            certificates from a local CA made here, trusted nowhere: ${stack.tls.caFile}` : ''}
`);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	await stopAll();
	process.exit(1);
}
