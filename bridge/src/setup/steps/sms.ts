import { call, SetupError, type LogtoAccess } from '../management-session.js';
import { configChanges, type Change } from '../plans.js';
import { confidentialKeys, guardApply, session, smsConnectorOf, smsFactories, type Apply, type Session } from './shared.js';

/** The config to send: blank confidential fields keep the values of the same provider's connector. */
function mergedConfig(config: Record<string, unknown>, existing: { connectorId: string; config: Record<string, unknown> } | undefined, factoryId: string, hidden: Set<string>) {
	const merged = { ...config };
	for (const key of hidden) {
		if ((merged[key] === undefined || merged[key] === '') && existing?.connectorId === factoryId && existing.config[key] !== undefined) merged[key] = existing.config[key];
	}
	return merged;
}

async function smsContext(s: Session, factoryId: string, config: Record<string, unknown>) {
	const factories = await smsFactories(s);
	const factory = factories.find((f) => f.id === factoryId);
	if (!factory) throw new SetupError('invalid_request', `Logto has no SMS connector "${factoryId}". It offers: ${factories.map((f) => f.id).join(', ') || 'none'}.`);
	const existing = await smsConnectorOf(s);
	const hidden = confidentialKeys(factory, existing?.config, config);
	return { factory, hidden, existing, config: mergedConfig(config, existing, factoryId, hidden) };
}

/** Step 3a: the SMS connector. Logto keeps one: another provider's replaces it, once confirmed. */
export async function smsConnector(access: LogtoAccess, input: { factoryId: string; config: Record<string, unknown> } & Apply) {
	const s = await session(access);
	const { client, endpoint } = s;
	const { hidden, existing, config } = await smsContext(s, input.factoryId, input.config);
	let changes: Change[];
	if (!existing) changes = [{ field: 'connector', from: null, to: input.factoryId, replaces: false }, ...configChanges({}, config, hidden)];
	else if (existing.connectorId !== input.factoryId) changes = [{ field: 'connector', from: existing.connectorId, to: input.factoryId, replaces: true }];
	else changes = configChanges(existing.config, config, hidden);
	if (!guardApply(changes, input)) return { changes, applied: false, connector: existing ? { id: existing.id, factoryId: existing.connectorId } : null };
	const saved =
		existing && existing.connectorId === input.factoryId
			? await call(endpoint, client.PATCH('/api/connectors/{id}', { params: { path: { id: existing.id } }, body: { config } }))
			: await call(endpoint, client.POST('/api/connectors', { body: { connectorId: input.factoryId, config } }));
	return { changes, applied: true, connector: { id: saved.id, factoryId: saved.connectorId } };
}

/** Step 3b: Logto's connector test sends one message with code 000000 to the number given. */
export async function smsTest(access: LogtoAccess, input: { factoryId: string; config: Record<string, unknown>; phone: string }) {
	const s = await session(access);
	const { config } = await smsContext(s, input.factoryId, input.config);
	// Logto's test endpoint takes the number as digits with the country code, no "+".
	const phone = input.phone.replace(/[\s()+-]/g, '');
	if (!/^\d{6,15}$/.test(phone)) throw new SetupError('invalid_request', 'Type the number with its country code, e.g. +86 138 0013 8000.');
	try {
		await call(s.endpoint, s.client.POST('/api/connectors/{factoryId}/test', { params: { path: { factoryId: input.factoryId } }, body: { phone, config } }));
	} catch (error) {
		// Logto answers 500 when the provider cannot be reached or refuses the credentials.
		if (error instanceof SetupError && error.code === 'logto_error') throw new SetupError('sms_not_sent', error.message.replace(/^Logto answered /, ''));
		throw error;
	}
	return { sent: true };
}
