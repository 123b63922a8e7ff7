import type { BridgeConfig } from './config.js';
import type { Logger } from './log.js';
import type { OidcClients } from './oidc.js';
import type { PendingSignIns } from './pending-sign-in.js';
import type { SiteConfigSource } from './site-config.js';
import type { KeyValueStore } from './stores/index.js';

/** What every route needs; built once in app.ts. */
export type BridgeContext = {
	config: BridgeConfig;
	store: KeyValueStore;
	site: SiteConfigSource;
	oidc: OidcClients;
	log: Logger;
	pending: PendingSignIns;
};

export const TICKET_TTL_SECONDS = 120;
export const redirectUri = (config: BridgeConfig) => `${config.publicUrl}/callback`;
export const postLogoutRedirectUri = (config: BridgeConfig) => `${config.publicUrl}/sign-out/callback`;
export const loginErrorUrl = (config: BridgeConfig, code: string) => `${config.wpUrl}/wp-login.php?logto_error=${encodeURIComponent(code)}`;
