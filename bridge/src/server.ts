import { createApp } from './app.js';
import type { BridgeConfig } from './config.js';
import { createSitesApp } from './sites-app.js';

/**
 * Serves the bridge (one site, or each site of BRIDGE_SITES_FILE at /sites/<id>) until SIGTERM
 * or SIGINT, then closes its probes and its store.
 */
export function serve(config: BridgeConfig, sites: BridgeConfig[] = [config]): void {
	const served = config.sitesFile ? createSitesApp(sites) : one(createApp(config));
	const contexts = [...served.sites.values()].map((s) => s.ctx);
	const server = served.app.listen(config.port, config.host, () => {
		for (const ctx of contexts) {
			ctx.log.info({ url: ctx.config.publicUrl, store: served.store.kind }, 'bridge listening');
			// Each site's settings before the first visitor needs them.
			ctx.site.prefetch();
		}
	});
	const stop = () =>
		server.close(async () => {
			for (const ctx of contexts) {
				ctx.oidc.close();
				// The last refusals still reach Logto > Activity.
				await ctx.activity.flush();
			}
			await served.store.close();
			process.exit(0);
		});
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

const one = (site: ReturnType<typeof createApp>) => ({ app: site.app, sites: new Map([['', site]]), store: site.ctx.store });
