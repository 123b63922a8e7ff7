import { createApp } from './app.js';
import type { BridgeConfig } from './config.js';

/** Serves the bridge until SIGTERM or SIGINT, then closes its probes and its store. */
export function serve(config: BridgeConfig): void {
	const { app, ctx } = createApp(config);
	const server = app.listen(config.port, config.host, () => {
		ctx.log.info({ url: config.publicUrl, store: ctx.store.kind }, 'bridge listening');
		// The site's settings before the first visitor needs them.
		ctx.site.prefetch();
	});
	const stop = () =>
		server.close(async () => {
			ctx.oidc.close();
			// The last refusals still reach Logto > Activity.
			await ctx.activity.flush();
			await ctx.store.close();
			process.exit(0);
		});
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}
