import { errors, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';

import type { Accounts } from './accounts.js';
import { escapeHtml } from './interactions/html.js';
import { pickLocale } from './interactions/i18n.js';
import { signedOutScreen, signingOutScreen } from './interactions/screens.js';
import { logtoExtraParams } from './logto-params.js';

type Options = {
	accounts: Accounts;
	/** The API resources this idp knows: the scopes a client may get for one, or undefined for unknown. */
	resourceServer: (resource: string, clientId: string) => { scope: string } | undefined;
	/** The origins an app lists in its `customClientMetadata.corsAllowedOrigins` (Logto Console: "CORS allowed origins"). */
	corsAllowedOrigins: (clientId: string) => string[];
	jwks: { keys: NonNullable<Configuration['jwks']>['keys'] };
	cookieKeys: string[];
	signingAlg: 'ES384' | 'RS256';
	adapter: Configuration['adapter'];
};

/** oidc-provider configuration, shaped like Logto's: scopes, claims, ES384, auto-submitting logout. */
export function buildConfiguration({ accounts, resourceServer, corsAllowedOrigins, jwks, cookieKeys, signingAlg, adapter }: Options): Configuration {
	return {
		adapter,
		clients: [],
		// oidc-provider refuses outgoing requests to special-use addresses (SSRF protection).
		// Everything here runs on loopback, so loopback (only) is let through.
		fetch: (url, options) => {
			const { hostname } = new URL(url instanceof Request ? url.url : url);
			if (/^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(hostname)) {
				const { dispatcher: _ssrfGuard, ...rest } = options as RequestInit & { dispatcher?: unknown };
				return globalThis.fetch(url, rest);
			}
			return globalThis.fetch(url, options);
		},
		jwks,
		findAccount: accounts.findAccount,
		cookies: { keys: cookieKeys },
		// As Logto: a browser may call the token, userinfo and revocation endpoints from the
		// idp's own origin, an origin the app lists, or the origin of one of its redirect URIs
		// (an SPA, or a Native app's web build). A device's WebView origin (capacitor://localhost)
		// is no redirect URI's, so such apps list it.
		// (Logto's own check reads Koa 2's request.origin, the server's origin; in Koa 3 it is the
		// Origin header itself, so the issuer's origin is compared here.)
		clientBasedCORS: (ctx, origin, client) =>
			new URL(ctx.oidc.issuer).origin === origin ||
			corsAllowedOrigins(client.clientId).includes(origin) ||
			(client.redirectUris ?? []).some((uri) => URL.parse(uri)?.origin === origin),
		clientDefaults: {
			grant_types: ['authorization_code', 'refresh_token'],
			id_token_signed_response_alg: signingAlg,
			response_types: ['code'],
			token_endpoint_auth_method: 'client_secret_basic',
		},
		clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'none'],
		enabledJWA: { idTokenSigningAlgValues: ['ES384', 'RS256'] },
		// Scopes and claims as Logto names them.
		scopes: ['openid', 'offline_access', 'profile', 'email', 'phone', 'roles', 'custom_data'],
		claims: {
			openid: ['sub'],
			profile: ['name', 'username', 'picture', 'updated_at', 'created_at'],
			email: ['email', 'email_verified'],
			phone: ['phone_number', 'phone_number_verified'],
			roles: ['roles'],
			custom_data: ['custom_data'],
		},
		// Like Logto: the ID token carries the granted scopes' claims, not only userinfo.
		conformIdTokenClaims: false,
		extraParams: [...logtoExtraParams],
		pkce: { required: () => true },
		responseTypes: ['code'],
		routes: { userinfo: '/me' },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		features: {
			devInteractions: { enabled: false },
			userinfo: { enabled: true },
			backchannelLogout: { enabled: true },
			revocation: { enabled: true },
			// As Logto: the grant exists (machine-to-machine apps), so a Traditional web app asking
			// for it is authenticated first and then refused the grant; a wrong secret is invalid_client.
			clientCredentials: { enabled: true },
			// As Logto: a `resource` on the token request gets a JWT access token for that API
			// (audience = the resource), signed like the ID token, with the scopes the user's roles
			// grant. Without one, the token is the opaque one for userinfo: no default API resource,
			// and the resource granted at authorization is not used by itself (Logto sets both so).
			resourceIndicators: {
				enabled: true,
				defaultResource: () => undefined as unknown as string,
				useGrantedResource: () => false,
				getResourceServerInfo: (_ctx, resource, client) => {
					const server = resourceServer(resource, client.clientId);
					if (!server) throw new errors.InvalidTarget(`resource indicator is not registered: ${resource}`);
					return { scope: server.scope, audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: signingAlg } } };
				},
			},
			rpInitiatedLogout: {
				enabled: true,
				// Logto's confirm form submits itself: sign-out needs no click.
				logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
					ctx.type = 'html';
					ctx.body = signingOutScreen(pickLocale(ctx.oidc?.params?.ui_locales), form).html;
				},
				postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
					ctx.type = 'html';
					ctx.body = signedOutScreen(pickLocale(ctx.oidc?.params?.ui_locales)).html;
				},
			},
		},
		ttl: {
			AccessToken: 3600,
			ClientCredentials: 3600,
			AuthorizationCode: 60,
			IdToken: 3600,
			Interaction: 3600,
			Session: 14 * 24 * 3600,
			Grant: 14 * 24 * 3600,
			RefreshToken: 14 * 24 * 3600,
		},
		renderError: async (ctx: KoaContextWithOIDC, out) => {
			ctx.type = 'html';
			ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Sign-in error</title></head>
<body><main><h1>Something went wrong</h1>${Object.entries(out)
				.map(([k, v]) => `<p><strong>${escapeHtml(k)}</strong>: ${escapeHtml(v)}</p>`)
				.join('')}</main></body></html>`;
		},
	};
}
