import bridgeRoutes from '../../fixtures/bridge-routes.json' with { type: 'json' };

/** The bridge's routes (fixtures/bridge-routes.json). */
export const ROUTES = bridgeRoutes.routes;

export type AppRegistrationUris = { redirectUri: string; postSignOutRedirectUri: string; backchannelLogoutUri: string };

/** The three URIs the WordPress app registers in Logto, for a bridge reached at `bridgeUrl`. */
export function appRegistrationUris(bridgeUrl: string): AppRegistrationUris {
	const base = bridgeUrl.replace(/\/+$/, '');
	const { registration } = bridgeRoutes;
	return {
		redirectUri: base + ROUTES[registration.redirectUri as keyof typeof ROUTES],
		postSignOutRedirectUri: base + ROUTES[registration.postSignOutRedirectUri as keyof typeof ROUTES],
		backchannelLogoutUri: base + ROUTES[registration.backchannelLogoutUri as keyof typeof ROUTES],
	};
}

/**
 * The WordPress app as an admin registers it in Logto (a Traditional web app with
 * back-channel logout, which needs the session required so ID tokens carry `sid`), in the
 * shape of the idp's clients file.
 */
export function appRegistration(app: { id: string; secret: string; name?: string; bridgeUrl: string; extraPostLogoutUris?: string[] }) {
	const uris = appRegistrationUris(app.bridgeUrl);
	return {
		client_id: app.id,
		client_secret: app.secret,
		...(app.name ? { client_name: app.name } : {}),
		redirect_uris: [uris.redirectUri],
		post_logout_redirect_uris: [uris.postSignOutRedirectUri, ...(app.extraPostLogoutUris ?? [])],
		backchannel_logout_uri: uris.backchannelLogoutUri,
		backchannel_logout_session_required: true,
	};
}
