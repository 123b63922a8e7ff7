import type { AppRegistrationUris, SignInMode, SignUpSettings } from '@logto-bridge/contract';

// What each setup step would change in Logto, worked out before anything is sent: the admin
// sees these lists, and a step that overwrites or removes something runs only once confirmed.

/** One difference between Logto and what the site needs. `replaces` marks an overwrite. */
export type Change = { field: string; from: unknown; to: unknown; replaces: boolean };

export type OidcMetadata = {
	redirectUris: string[];
	postLogoutRedirectUris: string[];
	backchannelLogoutUri?: string;
	backchannelLogoutSessionRequired?: boolean;
	logoUri?: string;
};

/** Marks the app the wizard made or adopted for this site, in the app's customData. */
export const MARKER_KEY = 'logtoBridge';
export const marker = (siteUrl: string) => ({ site: siteUrl });

/**
 * The app's OIDC metadata with this site's URIs: ours added to the lists (others kept, since
 * other sites may use the same app), the back-channel URI set, and the session required so ID
 * tokens carry `sid`. Logto's PATCH replaces the whole object, so the result is complete.
 */
export function planAppMetadata(current: OidcMetadata | undefined, uris: AppRegistrationUris): { metadata: OidcMetadata; changes: Change[] } {
	const before: OidcMetadata = { redirectUris: [], postLogoutRedirectUris: [], ...current };
	const changes: Change[] = [];
	const metadata: OidcMetadata = { ...before, redirectUris: [...before.redirectUris], postLogoutRedirectUris: [...before.postLogoutRedirectUris] };
	if (!metadata.redirectUris.includes(uris.redirectUri)) {
		metadata.redirectUris.push(uris.redirectUri);
		changes.push({ field: 'redirectUris', from: null, to: uris.redirectUri, replaces: false });
	}
	if (!metadata.postLogoutRedirectUris.includes(uris.postSignOutRedirectUri)) {
		metadata.postLogoutRedirectUris.push(uris.postSignOutRedirectUri);
		changes.push({ field: 'postLogoutRedirectUris', from: null, to: uris.postSignOutRedirectUri, replaces: false });
	}
	if (metadata.backchannelLogoutUri !== uris.backchannelLogoutUri) {
		changes.push({ field: 'backchannelLogoutUri', from: metadata.backchannelLogoutUri ?? null, to: uris.backchannelLogoutUri, replaces: Boolean(metadata.backchannelLogoutUri) });
		metadata.backchannelLogoutUri = uris.backchannelLogoutUri;
	}
	if (metadata.backchannelLogoutSessionRequired !== true) {
		changes.push({ field: 'backchannelLogoutSessionRequired', from: metadata.backchannelLogoutSessionRequired ?? null, to: true, replaces: false });
		metadata.backchannelLogoutSessionRequired = true;
	}
	return { metadata, changes };
}

type Method = { identifier: 'username' | 'email' | 'phone'; password: boolean; verificationCode: boolean; isPasswordPrimary: boolean };
export type SignInParts = { signIn: { methods: Method[] }; signUp: SignUpSettings; signInMode: SignInMode };

/**
 * A value in one spelling: object keys sorted (Logto keeps configs in PostgreSQL jsonb, which
 * reorders them) and templates by usage type (the screen lists them in its own order).
 */
function canonical(value: unknown): unknown {
	if (Array.isArray(value)) {
		const items = value.map(canonical);
		return items.every((i) => i && typeof i === 'object' && typeof (i as { usageType?: unknown }).usageType === 'string')
			? [...items].sort((a, b) => String((a as { usageType: string }).usageType).localeCompare(String((b as { usageType: string }).usageType)))
			: items;
	}
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
	}
	return value;
}

/** Keys of a connector config whose values differ, confidential values not shown. */
export function configChanges(current: Record<string, unknown>, next: Record<string, unknown>, confidential: Set<string>): Change[] {
	const keys = new Set([...Object.keys(current), ...Object.keys(next)]);
	const changes: Change[] = [];
	for (const key of keys) {
		if (JSON.stringify(canonical(current[key])) === JSON.stringify(canonical(next[key]))) continue;
		const hidden = confidential.has(key);
		changes.push({ field: `config.${key}`, from: hidden ? '(hidden)' : (current[key] ?? null), to: hidden ? '(hidden)' : (next[key] ?? null), replaces: current[key] !== undefined });
	}
	return changes;
}
