// The stack a WordPress benchmark starts: the runtime WP_RUNTIME names, fresh, on the BENCH_*
// ports (8890, 3200, 3201 and, native, those derived from them), stopped by Ctrl-C. On the
// native runtime this process must trust the local CA first, so it may run itself again.
import { join } from 'node:path';

import { runTrustingLocalCa } from '../scripts/lib/native/tls.mjs';
import { repoRoot } from '../scripts/lib/paths.mjs';
import { stackPorts } from '../scripts/lib/ports.mjs';
import { stopOnSignals } from '../scripts/lib/processes.mjs';
import { runtimeFromEnv, startStack } from '../scripts/lib/stack.mjs';

/** The BENCH_* ports (8890, 3200, 3201 unless set), for the stack and for a benchmark that asks its parts directly. */
export const benchPorts = () => stackPorts('BENCH_', { wordpress: 8890, bridge: 3200, idp: 3201 });

export async function startBenchStack(name: string, env: { bridgeEnv?: Record<string, string>; idpEnv?: Record<string, string>; wpMounts?: Array<[string, string]> } = {}) {
	const runtime = runtimeFromEnv();
	const tlsDir = join(repoRoot, '.data', 'bench-tls');
	if (runtime === 'native') await runTrustingLocalCa(tlsDir);
	stopOnSignals();
	return startStack({ runtime, tlsDir, dataDir: join(repoRoot, '.data', name), ports: benchPorts(), fresh: true, ...env });
}
