// The bridge as it ships: one JavaScript file, dist/logto-bridge.js, run by plain node. The
// contract (a workspace of this repository) and the fixtures it reads are bundled in; every
// npm dependency stays a dependency, installed with the package. tsc checks the types.
import { readFileSync } from 'node:fs';

import { build } from 'esbuild';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
await build({
	entryPoints: [new URL('./src/cli.ts', import.meta.url).pathname],
	outfile: new URL('./dist/logto-bridge.js', import.meta.url).pathname,
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	external: Object.keys(pkg.dependencies),
	banner: { js: '#!/usr/bin/env node' },
	legalComments: 'none',
	logLevel: 'warning',
});
