import express from 'express';
import Provider from 'oidc-provider';

import { Accounts } from './accounts.js';
import { createAdapterFactory } from './adapter.js';
import { loadClients } from './clients.js';
import type { IdpConfig } from './config.js';
import { buildConfiguration } from './configuration.js';
import { pickLocale, t } from './interactions/i18n.js';
import interactions from './interactions/routes.js';
import { InteractionStates } from './interactions/state.js';
import { errorScreen } from './interactions/screens.js';
import { loadKeys } from './keys.js';
import { parseLogtoParams } from './logto-params.js';
import { createSmsConnector, type SmsConnector } from './sms/index.js';
import { defaultCodePolicy, VerificationCodes } from './verification-codes.js';

export type Idp = { app: express.Express; provider: Provider; accounts: Accounts; sms: SmsConnector };

/** Builds the identity provider: oidc-provider under /oidc (as Logto mounts it) plus the sign-in pages. */
export async function createIdp(config: IdpConfig): Promise<Idp> {
	const { keys, cookieKeys } = loadKeys(config.dataDir, config.signingAlg);
	const accounts = new Accounts(config.dataDir, config.defaultRegion);
	accounts.seed(config.usersFile);
	const clients = loadClients(config.clientsFile);
	const sms = await createSmsConnector(config.sms);
	const provider = new Provider(
		config.issuer,
		buildConfiguration({ accounts, clients, jwks: { keys }, cookieKeys, signingAlg: config.signingAlg, adapter: createAdapterFactory(config.dataDir) }),
	);
	provider.on('server_error', (_ctx, error) => console.error(`oidc: server error: ${error.message}`));
	provider.on('backchannel.error', (_ctx, error, client) => console.error(`oidc: back-channel logout to ${client.clientId} failed: ${error.message}`));

	const codes = new VerificationCodes({
		...defaultCodePolicy,
		ttlMs: config.codeTtlSeconds * 1000,
		resendMs: config.resendSeconds * 1000,
		perIp: { ...defaultCodePolicy.perIp, max: config.smsPerIpPerHour },
	});

	const app = express();
	app.disable('x-powered-by');
	app.get('/healthz', (_req, res) => {
		res.json({ status: 'ok' });
	});
	// Logto silently drops all extra params when one is invalid; we say which one is wrong.
	app.get('/oidc/auth', (req, res, next) => {
		const problem = parseLogtoParams(req.query as Record<string, unknown>);
		if (typeof problem !== 'string') return next();
		const locale = pickLocale(req.query.ui_locales);
		const { status, html } = errorScreen(locale, t(locale, 'errInvalidParam', { detail: problem }), 400);
		res.status(status).type('html').send(html);
	});
	const states = new InteractionStates(config.dataDir);
	app.use(interactions({ provider, accounts, codes, sms, signUpEnabled: config.signUpEnabled, defaultRegion: config.defaultRegion, states }));
	app.use('/oidc', provider.callback());
	return { app, provider, accounts, sms };
}
