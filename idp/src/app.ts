import { API_SCOPE_NAMES, APP_ROLE } from '@logto-bridge/contract';
import { join } from 'node:path';

import express from 'express';
import Provider from 'oidc-provider';

import { Accounts } from './accounts.js';
import { createAdapterFactory } from './adapter.js';
import { loadClients } from './clients.js';
import type { IdpConfig } from './config.js';
import { buildConfiguration } from './configuration.js';
import { injectTokenFaults } from './faults.js';
import { pickLocale, t } from './interactions/i18n.js';
import interactions from './interactions/routes.js';
import { InteractionStates } from './interactions/state.js';
import { errorScreen } from './interactions/screens.js';
import { loadKeys } from './keys.js';
import { parseLogtoParams } from './logto-params.js';
import { Applications, MANAGEMENT_API_RESOURCE } from './management/applications.js';
import { ApiResources } from './management/api-resources.js';
import { Connectors } from './management/connectors.js';
import { Roles } from './management/roles.js';
import { managementApi } from './management/routes.js';
import { cloudDefault, localDefault, selfHostedDefault, SignInExperiences } from './management/sign-in-experience.js';
import { createSmsConnector, SmsDeliveryError, type SmsConnector } from './sms/index.js';
import { installSmsSandbox } from './sms/sandbox.js';
import { defaultCodePolicy, VerificationCodes } from './verification-codes.js';

/** The default role that grants the site's API scopes (IDP_API_RESOURCE). */
export const API_ROLE = APP_ROLE.name;

export type Idp = { app: express.Express; provider: Provider; accounts: Accounts; sms: SmsConnector; applications: Applications };

/** Builds the identity provider: oidc-provider under /oidc (as Logto mounts it) plus the sign-in pages. */
export async function createIdp(config: IdpConfig): Promise<Idp> {
	const { keys, cookieKeys } = loadKeys(config.dataDir, config.signingAlg);
	const roles = new Roles(config.dataDir);
	const apiResources = new ApiResources(config.dataDir);
	if (config.apiResource) {
		// As a Logto admin would: the site's API, and a default role granting its scopes.
		roles.ensure(API_ROLE, APP_ROLE.description, true);
		apiResources.seed(config.apiResource, 'WordPress REST API', API_SCOPE_NAMES, API_ROLE);
	}
	const accounts = new Accounts(config.dataDir, config.defaultRegion);
	accounts.seed(config.usersFile, roles.defaultRoleNames());
	// Every app, seeded or created through the Management API, is a live OIDC client.
	const applications = new Applications(config.dataDir);
	if (!config.empty) applications.importClients(loadClients(config.clientsFile));
	applications.seedManagementApp(config.setupApp.id, config.setupApp.secret);
	if (config.smsSandbox) installSmsSandbox(join(config.dataDir, 'sms-sandbox.jsonl'));
	const connectors = await Connectors.load(config.dataDir, config.smsSandbox ? config.sms.outbox : undefined);
	// The connector configured through the Management API wins; a fresh tenant has none until then.
	const fallbackSms = config.empty ? undefined : await createSmsConnector(config.sms);
	const sms: SmsConnector = {
		get id() {
			return connectors.list()[0]?.connectorId ?? fallbackSms?.id ?? 'none';
		},
		async sendMessage(data) {
			const connector = (await connectors.active()) ?? fallbackSms;
			if (!connector) throw new SmsDeliveryError('none', 'no SMS connector is configured');
			await connector.sendMessage(data);
		},
	};
	const experience = new SignInExperiences(config.dataDir, !config.empty ? localDefault(config.signUpEnabled) : config.emptyAs === 'cloud' ? cloudDefault() : selfHostedDefault(), () => Boolean(fallbackSms) || connectors.list().length > 0);
	const provider = new Provider(
		config.issuer,
		buildConfiguration({
			accounts,
			resourceServer: (resource, clientId) => {
				if (resource === MANAGEMENT_API_RESOURCE) return { scope: applications.hasManagementRole(clientId) ? 'all' : '' };
				const scopes = apiResources.scopeNames(resource);
				return scopes && { scope: scopes.join(' ') };
			},
			corsAllowedOrigins: (clientId) => applications.corsAllowedOrigins(clientId),
			jwks: { keys },
			cookieKeys,
			signingAlg: config.signingAlg,
			// Clients are looked up on use, so an app created through the Management API works at once.
			adapter: createAdapterFactory(config.dataDir, (id) => applications.clientMetadata(id)),
		}),
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
	const publicKeys = { keys: keys.map(({ d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub }) => pub) };
	app.use('/api', managementApi({ issuer: config.issuer, jwks: publicKeys as never, applications, connectors, experience, roles, accounts, apiResources }));
	const states = new InteractionStates(config.dataDir);
	app.use(
		interactions({
			provider,
			accounts,
			codes,
			sms,
			signUpEnabled: () => experience.phoneSignUp(),
			signInIdentifiers: () => experience.signInIdentifiers(),
			mandatoryProfile: () => experience.mandatoryProfile(),
			defaultRoles: () => roles.defaultRoleNames(),
			resourceScopes: (indicator, accountId) => apiResources.scopesFor(indicator, accounts.get(accountId)?.roles ?? []),
			defaultRegion: config.defaultRegion,
			states,
		}),
	);
	// Fault tests: a slow token endpoint, as a Logto under load answers (faults.ts).
	if (config.faultsFile) app.post('/oidc/token', injectTokenFaults(config.faultsFile));
	app.use('/oidc', provider.callback());
	return { app, provider, accounts, sms, applications };
}
