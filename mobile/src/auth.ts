import { API_SCOPE_NAMES } from '@logto-bridge/contract/api-access';
import { Capacitor } from '@capacitor/core';
import LogtoClient, { UserScope, type LogtoConfig } from '@logto/browser';
import CapacitorLogtoClient from '@logto/capacitor';

import type { AppConfig } from './config';
import { locale } from './i18n';
import { phoneFirstParams, withParams } from './phone-first';

/** The site's API scopes (the contract's); Logto grants those the user's roles hold. */
export const API_SCOPES = API_SCOPE_NAMES;
const TYPED_PHONE = 'logto-bridge-app:phone';

export const isNative = () => Capacitor.isNativePlatform();

/**
 * Logto's SDK for this platform: @logto/capacitor on a device (the system browser, deep links,
 * Preferences), its base @logto/browser on the web (same API; redirects in the page).
 */
export class Auth {
	readonly client: LogtoClient;

	constructor(private readonly config: AppConfig) {
		const logtoConfig: LogtoConfig = {
			endpoint: config.endpoint,
			appId: config.appId,
			resources: [config.resource],
			// phone and email make the account the site finds or creates; roles map to WordPress roles.
			scopes: [UserScope.Email, UserScope.Phone, UserScope.Roles, ...API_SCOPES],
		};
		this.client = isNative() ? new CapacitorLogtoClient(logtoConfig) : new LogtoClient(logtoConfig);
		const navigate = this.client.adapter.navigate;
		this.client.adapter.navigate = (url, parameters) => {
			if (parameters.for !== 'sign-in') return navigate(url, parameters);
			// Logto's pages in the app's language; with the number signIn() kept, straight to its code.
			const phone = this.typedPhone();
			return navigate(withParams(url, { ui_locales: locale(), ...(phone ? phoneFirstParams(phone) : {}) }), parameters);
		};
	}

	/**
	 * Signs in; with a number, straight to its verification code. On the web the page leaves
	 * for Logto and comes back to the redirect URI; on a device the promise ends back in the app.
	 */
	async signIn(phone: string | null): Promise<void> {
		if (phone) sessionStorage.setItem(TYPED_PHONE, phone);
		else sessionStorage.removeItem(TYPED_PHONE);
		await this.client.signIn(this.config.redirectUri);
	}

	/** On the web: finishes a sign-in when this page is Logto's redirect back; true if it was. */
	async handleRedirect(href: string): Promise<boolean> {
		if (isNative() || !href.startsWith(this.config.redirectUri)) return false;
		await this.client.handleSignInCallback(href);
		return true;
	}

	/** The number typed for the sign-in in progress, if any. */
	typedPhone(): string | null {
		return sessionStorage.getItem(TYPED_PHONE);
	}

	isAuthenticated(): Promise<boolean> {
		return this.client.isAuthenticated();
	}

	/** The JWT for the site's REST API (refreshed by the SDK when it expires). */
	apiToken(): Promise<string> {
		return this.client.getAccessToken(this.config.resource);
	}

	/** The opaque token Logto gave for its userinfo endpoint. */
	userinfoToken(): Promise<string> {
		return this.client.getAccessToken();
	}

	/** Signs out at Logto (ending its session, revoking the refresh token) and forgets the tokens. */
	async signOut(): Promise<void> {
		sessionStorage.removeItem(TYPED_PHONE);
		await this.client.signOut(this.config.postSignOutRedirectUri);
	}

	/** Forgets the tokens here only (a sign-in WordPress refused). */
	forget(): Promise<void> {
		sessionStorage.removeItem(TYPED_PHONE);
		return this.client.clearAllTokens();
	}
}
