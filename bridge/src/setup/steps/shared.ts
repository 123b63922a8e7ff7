import { call, managementClient, SetupError, type LogtoAccess, type ManagementClient } from '../management-session.js';
import { MARKER_KEY, type Change, type SignInParts } from '../plans.js';

export type Session = { client: ManagementClient; endpoint: string };

export type Apply = { apply: boolean; confirm?: boolean | undefined };

export async function session(access: LogtoAccess): Promise<Session & { resource: string }> {
	const { client, resource } = await managementClient(access);
	return { client, resource, endpoint: access.endpoint };
}

/** Confidential connector fields: never sent back to WordPress, kept when left blank. */
export const isConfidential = (item: { key: string; isConfidential?: boolean }) => item.isConfidential === true || SECRET_KEY.test(item.key);

// By name too: a factory may list no form items at all (Logto's mock SMS connector has none).
export const SECRET_KEY = /secret|token|password/i;

export const secretKeysOf = (...configs: Array<Record<string, unknown> | undefined>) => configs.flatMap((c) => Object.keys(c ?? {})).filter((k) => SECRET_KEY.test(k));

/** A factory's confidential fields, and any secret-named key of these configs. */
export const confidentialKeys = (factory: { formItems?: Array<{ key: string; isConfidential?: boolean }> } | undefined, ...configs: Array<Record<string, unknown> | undefined>) =>
	new Set([...(factory?.formItems ?? []).filter(isConfidential).map((i) => i.key), ...secretKeysOf(...configs)]);

/** Whether an app is the one the wizard marked for this site (customData.logtoBridge.site). */
export const isSitesApp = (app: { customData: Record<string, unknown> }, siteUrl: string) => (app.customData[MARKER_KEY] as { site?: unknown } | undefined)?.site === siteUrl;

const needsConfirmation = (changes: Change[]) => changes.some((c) => c.replaces);

export function guardApply(changes: Change[], { apply, confirm }: Apply): boolean {
	if (!apply) return false;
	if (needsConfirmation(changes) && !confirm) {
		throw new SetupError('confirmation_needed', 'This changes or replaces something in Logto; confirm it on screen first.');
	}
	return changes.length > 0;
}

export async function smsFactories({ client, endpoint }: Session) {
	const factories = await call(endpoint, client.GET('/api/connector-factories'));
	return factories.filter((f) => f.type === 'Sms');
}

export async function smsConnectorOf({ client, endpoint }: Session) {
	const connectors = await call(endpoint, client.GET('/api/connectors'));
	return connectors.find((c) => c.type === 'Sms');
}

export const signInParts = (exp: SignInParts): SignInParts => ({ signIn: exp.signIn, signUp: exp.signUp, signInMode: exp.signInMode });
