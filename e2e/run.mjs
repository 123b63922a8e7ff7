// `npm test -w e2e`: Playwright on the runtime WP_RUNTIME names. For the native runtime the local
// CA exists before Playwright starts, so its processes trust exactly that CA
// (NODE_EXTRA_CA_CERTS is read at start) and Chromium exactly that certificate's key.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { repoRoot } from '../scripts/lib/paths.mjs';
import { ensureCertificate } from '../scripts/lib/native/tls.mjs';
import { runtimeFromEnv } from '../scripts/lib/stack.mjs';

const env = { ...process.env, WP_RUNTIME: runtimeFromEnv() };
if (env.WP_RUNTIME === 'native') {
	// Outside .data/e2e, which global setup empties: the certificate must outlive that.
	const tlsDir = join(repoRoot, '.data', 'e2e-tls');
	const tls = ensureCertificate(tlsDir);
	Object.assign(env, { E2E_TLS_DIR: tlsDir, E2E_TLS_SPKI: tls.spki, NODE_EXTRA_CA_CERTS: tls.caFile });
}
const child = spawn(process.execPath, [join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', ...process.argv.slice(2)], { stdio: 'inherit', env, cwd: import.meta.dirname });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
