import { readFileSync } from 'node:fs';

import { z } from 'zod';

import { type BridgeConfig, sharedSecret, wordpressUrl } from './config.js';

/** Where site `id` reaches the bridge: its own path under the bridge's public URL. */
export const SITES_PATH = '/sites';

const file = z.object({
	sites: z
		.array(
			z.object({
				// In URLs, cookie names, store keys and logs: short, lower case, no separator of theirs.
				id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits or dashes'),
				wpUrl: wordpressUrl,
				sharedSecret,
			}),
		)
		.min(1, 'must name at least one site'),
});

/**
 * One configuration per site of BRIDGE_SITES_FILE (one bridge, several independent WordPress
 * sites), or the bridge's own when it serves one site. Each site has its own shared secret, so it
 * signs, seals and is answered with a key no other site holds: two sites with the same secret, or
 * the same id, are refused.
 */
export function siteConfigs(base: BridgeConfig, read: (path: string) => string = (path) => readFileSync(path, 'utf8')): BridgeConfig[] {
	if (!base.sitesFile) return [base];
	let json: unknown;
	try {
		json = JSON.parse(read(base.sitesFile));
	} catch (error) {
		throw new Error(`BRIDGE_SITES_FILE ${base.sitesFile} cannot be read as JSON: ${(error as Error).message}`);
	}
	const parsed = file.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		throw new Error(`BRIDGE_SITES_FILE ${issue.path.length ? issue.path.join('.') : 'sites'} ${issue.message}`);
	}
	const { sites } = parsed.data;
	const twice = <T>(values: T[]) => values.find((v, i) => values.indexOf(v) !== i);
	const id = twice(sites.map((s) => s.id));
	if (id !== undefined) throw new Error(`BRIDGE_SITES_FILE names site "${id}" twice`);
	if (twice(sites.map((s) => s.sharedSecret)) !== undefined) {
		throw new Error('BRIDGE_SITES_FILE gives two sites the same sharedSecret: each site needs its own, or one could act as the other');
	}
	return sites.map((s) => ({
		...base,
		site: s.id,
		publicUrl: `${base.publicUrl}${SITES_PATH}/${s.id}`,
		wpUrl: s.wpUrl.replace(/\/+$/, ''),
		sharedSecret: s.sharedSecret,
	}));
}
