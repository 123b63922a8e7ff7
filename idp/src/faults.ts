import { existsSync, readFileSync } from 'node:fs';

import type { RequestHandler } from 'express';

/** What a fault test asks of the token endpoint (IDP_FAULTS_FILE): a delay before it answers. */
type Faults = { tokenDelayMs?: number };

/**
 * Fault tests only (off unless IDP_FAULTS_FILE is set): holds each token request as long as the
 * file asks, so a test can make Logto slow without touching the bridge. Read at every request,
 * so a test changes it between two sign-ins by writing the file.
 */
export function injectTokenFaults(file: string): RequestHandler {
	return (_req, _res, next) => {
		let faults: Faults = {};
		try {
			if (existsSync(file)) faults = JSON.parse(readFileSync(file, 'utf8')) as Faults;
		} catch {
			// A half-written file injects nothing.
		}
		const delay = Number(faults.tokenDelayMs ?? 0);
		if (delay > 0) setTimeout(next, delay);
		else next();
	};
}
