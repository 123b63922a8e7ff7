// Where things are: the repository, and the state folders of each kind of run.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** `npm start`'s state (override with DATA_DIR). */
export const defaultDataDir = join(repoRoot, '.data');
/** The end-to-end tests' own stack, so a running `npm start` is left alone. */
export const e2eDataDir = join(repoRoot, '.data', 'e2e');
