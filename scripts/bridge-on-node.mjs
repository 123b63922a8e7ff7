// `node scripts/bridge-on-node.mjs 24`: the bridge's unit tests on another Node.js major version
// (the development tooling stays on this machine's Node). CI runs them on 22 and on 24.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { nodeBinary } from './lib/node-binary.mjs';
import { repoRoot } from './lib/paths.mjs';

const major = process.argv[2];
if (!/^\d+$/.test(major ?? '')) {
	console.error('usage: node scripts/bridge-on-node.mjs <major version>, e.g. 24');
	process.exit(2);
}
const node = nodeBinary(major);
console.log(`bridge unit tests on ${spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim()}`);
const run = spawnSync(node, ['--import', 'tsx', '--test', '--test-concurrency=1', 'test/*.test.ts'], { cwd: join(repoRoot, 'bridge'), stdio: 'inherit' });
process.exit(run.status ?? 1);
