import { appRegistrationUris } from '@logto-bridge/contract';
import type { RequestHandler } from 'express';

import type { BridgeConfig } from './config.js';
import type { ActivityReporter } from './activity.js';
import type { Logger } from './log.js';
import type { Metrics } from './metrics.js';
import type { OidcClients } from './oidc.js';
import type { PendingSignIns } from './pending-sign-in.js';
import type { SiteConfigSource } from './site-config.js';
import type { KeyValueStore } from './stores/index.js';
import type { Tickets } from './tickets.js';

/** What every route needs; built once in app.ts. */
export type BridgeContext = {
	config: BridgeConfig;
	store: KeyValueStore;
	site: SiteConfigSource;
	oidc: OidcClients;
	log: Logger;
	pending: PendingSignIns;
	tickets: Tickets;
	metrics: Metrics;
	/** Refused sign-ins, reported to WordPress for Logto > Activity. */
	activity: ActivityReporter;
	/** Sign-in and sign-out starts per client address (shared by both routes). */
	rateLimit: RequestHandler;
};

/** The URIs Logto must have registered for this bridge (fixtures/bridge-routes.json). */
export const registeredUris = (config: Pick<BridgeConfig, 'publicUrl'>) => appRegistrationUris(config.publicUrl);
