import { createIdp } from './app.js';
import { loadConfig } from './config.js';

try {
	const config = loadConfig();
	const { app, sms } = await createIdp(config);
	const server = app.listen(config.port, config.host, () => {
		console.log(`idp: issuer ${config.issuer} (sign-up ${config.signUpEnabled ? 'on' : 'off'}, SMS via ${sms.id}${config.smsSandbox ? ', providers in sandbox' : ''}${config.empty ? `, started empty as ${config.emptyAs === 'cloud' ? 'Logto Cloud' : 'self-hosted Logto'}` : ''})`);
		console.log(`idp: Management API ${config.publicUrl}/api, M2M app ${config.setupApp.id} / ${config.setupApp.secret}`);
	});
	const stop = () => server.close(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
} catch (error) {
	console.error(`idp: ${(error as Error).message}`);
	process.exit(1);
}
