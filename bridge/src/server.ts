import { createApp } from './app.js';
import { loadConfig } from './config.js';

let config;
try {
	config = loadConfig();
} catch (error) {
	console.error(`bridge: invalid configuration: ${(error as Error).message}`);
	process.exit(1);
}
const { app, ctx } = createApp(config);
const server = app.listen(config.port, config.host, () => {
	ctx.log.info({ url: config.publicUrl, store: ctx.store.kind }, 'bridge listening');
});
const stop = () =>
	server.close(async () => {
		ctx.oidc.close();
		await ctx.store.close();
		process.exit(0);
	});
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
