#!/usr/bin/env node
// Prepares `npx wp-env start --runtime=playground` for a machine without internet:
// 1. assembles WordPress 6.5.5 from npm into .data/wordpress (.wp-env.override.json points core there);
// 2. primes wp-env's cache entry `latestWordPressVersion`, which wp-env reads instead of
//    asking wordpress.org when it finds no network. wp-env honours a work directory named
//    md5(<path of .wp-env.json>) under WP_ENV_HOME (~/.wp-env by default) when it exists,
//    so that is the one we write. Nothing in node_modules is touched.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

import { assembleWordPress } from './assemble-wordpress.mjs';
import { repoRoot } from './lib/paths.mjs';

const WORDPRESS_VERSION = '6.5.5';

assembleWordPress();

const configFile = resolve(repoRoot, '.wp-env.json');
const home = resolve(process.env.WP_ENV_HOME ?? join(homedir(), '.wp-env'));
const workDir = join(home, createHash('md5').update(configFile).digest('hex'));
const cacheFile = join(workDir, 'wp-env-cache.json');
mkdirSync(workDir, { recursive: true });
const cache = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
cache.latestWordPressVersion ??= WORDPRESS_VERSION;
writeFileSync(cacheFile, JSON.stringify(cache));
console.log(`wp-env primed for offline use (${cacheFile}); now run: npx wp-env start --runtime=playground`);
