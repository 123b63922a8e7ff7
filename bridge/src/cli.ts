// `logto-bridge`: serves the bridge; `--help` lists its environment, `--check` validates it.
import pkg from '../package.json' with { type: 'json' };

import { ENVIRONMENT, loadConfig } from './config.js';
import { siteConfigs } from './sites.js';
import { serve } from './server.js';

// The package's own version (bundled in at build), so the command never says another.
const VERSION = pkg.version;

function help(): string {
	const variables = Object.entries(ENVIRONMENT);
	const width = Math.max(...variables.map(([name]) => name.length));
	const lines = variables.map(([name, v]) => `  ${name.padEnd(width)}  ${v.default === undefined ? '(no default)' : `default ${v.default}`}\n  ${' '.repeat(width)}  ${v.what}`);
	return `logto-bridge ${VERSION}: sign-in to WordPress through Logto (OpenID Connect)

Usage: logto-bridge [--check | --help | --version]
  (no option)  serve, configured by the environment below
  --check      validate the configuration, say what is wrong, and exit (0 when it is right)
  --help       this text

Environment:
${lines.join('\n')}
`;
}

const arg = process.argv[2];
if (arg === '--help' || arg === '-h') {
	process.stdout.write(help());
	process.exit(0);
}
if (arg === '--version') {
	process.stdout.write(`${VERSION}\n`);
	process.exit(0);
}
if (arg !== undefined && arg !== '--check') {
	process.stderr.write(`logto-bridge: unknown option ${arg}\n\n${help()}`);
	process.exit(2);
}
let config;
let sites;
try {
	config = loadConfig();
	sites = siteConfigs(config);
} catch (error) {
	process.stderr.write(`logto-bridge: invalid configuration: ${(error as Error).message}\n`);
	process.exit(1);
}
if (arg === '--check') {
	const served = sites.map((s) => `${s.publicUrl} for ${s.wpUrl}`).join(', ');
	process.stdout.write(`logto-bridge: the configuration is valid: ${served}, ${config.redisUrl ? 'Redis' : `a file store in ${config.dataDir}`}, listening on ${config.host}:${config.port}\n`);
	process.exit(0);
}
serve(config, sites);
