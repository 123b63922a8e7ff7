// npm run test:faults: the fault suite (e2e/faults/) on the native runtime (arguments go to node
// --test, e.g. --test-name-pattern=clocks). Node reads
// NODE_EXTRA_CA_CERTS only at start, so the local CA is made first and the suite runs trusting it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { ensureCertificate } from './lib/native/tls.mjs';
import { repoRoot } from './lib/paths.mjs';

const tls = ensureCertificate(join(repoRoot, '.data', 'faults-tls'));
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=600000', ...process.argv.slice(2), join(repoRoot, 'e2e', 'faults', 'faults.test.ts')], {
	cwd: repoRoot,
	stdio: 'inherit',
	env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caFile, WP_RUNTIME: 'native' },
});
process.exit(run.status ?? 1);
