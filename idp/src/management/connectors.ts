import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CreateConnector, SmsConnector as LogtoSmsConnector } from '@logto/connector-kit';

import { JsonFileStore } from '../store.js';
import { factories as connectorPackages, LogtoSmsConnectorAdapter, type ProviderName } from '../sms/logto.js';
import type { SmsConnector } from '../sms/types.js';
import { ApplicationError, standardId } from './applications.js';
import type { Connector, ConnectorCreate, ConnectorFactory, ConnectorPatch, ConnectorTest } from './logto-types.js';

type StoredConnector = { id: string; connectorId: string; config: Record<string, unknown>; metadata: Connector['metadata'] };
type Factory = { provider: ProviderName; info: ConnectorFactory };

/**
 * The SMS connectors of this tenant, configured through the Management API as in Logto: the
 * factories are Logto's own connector packages; as in Logto, one SMS connector at most, so
 * creating another replaces it. The configured one sends the verification codes.
 */
export class Connectors {
	private readonly store: JsonFileStore<StoredConnector>;

	private constructor(
		dataDir: string,
		private readonly factories: Map<string, Factory>,
		/** Sandbox mode only: where the codes land, since no provider was really reached. */
		private readonly outbox: string | undefined,
	) {
		this.store = new JsonFileStore<StoredConnector>(join(dataDir, 'connectors.json'));
	}

	static async load(dataDir: string, outbox: string | undefined): Promise<Connectors> {
		const factories = new Map<string, Factory>();
		for (const [provider, create] of Object.entries(connectorPackages) as Array<[ProviderName, CreateConnector<LogtoSmsConnector>]>) {
			const { metadata, type } = await create({ getConfig: async () => ({}) });
			const info: ConnectorFactory = {
				type: type as ConnectorFactory['type'],
				id: metadata.id,
				target: metadata.target,
				name: metadata.name,
				description: metadata.description,
				logo: metadata.logo,
				logoDark: metadata.logoDark,
				readme: metadata.readme,
				...(metadata.configTemplate ? { configTemplate: metadata.configTemplate } : {}),
				...(metadata.formItems ? { formItems: metadata.formItems as ConnectorFactory['formItems'] } : {}),
				platform: metadata.platform,
				isStandard: metadata.isStandard ?? false,
			};
			factories.set(metadata.id, { provider, info });
		}
		return new Connectors(dataDir, factories, outbox);
	}

	listFactories(): ConnectorFactory[] {
		return [...this.factories.values()].map((f) => f.info);
	}

	list(): Connector[] {
		return this.store.values().map((c) => this.view(c));
	}

	get(id: string): Connector | undefined {
		const stored = this.store.get(id);
		return stored && this.view(stored);
	}

	async create(body: ConnectorCreate): Promise<Connector> {
		const factory = this.factories.get(body.connectorId);
		if (!factory) throw new ApplicationError(422, 'connector.not_found_with_connector_id', 'Can not find connector with given standard connector id.');
		const config = (body.config ?? {}) as Record<string, unknown>;
		await this.validate(factory, config);
		const stored: StoredConnector = { id: body.id ?? standardId(12), connectorId: body.connectorId, config, metadata: body.metadata ?? {} };
		// One SMS connector at most: Logto deletes the one there was.
		this.store.deleteWhere(() => true);
		this.store.set(stored.id, stored);
		return this.view(stored);
	}

	async patch(id: string, body: ConnectorPatch): Promise<Connector> {
		const stored = this.store.get(id);
		if (!stored) throw new ApplicationError(404, 'entity.not_exists_with_id', `The connector with ID \`${id}\` does not exist.`);
		const next = { ...stored };
		if (body.config) {
			await this.validate(this.factories.get(stored.connectorId)!, body.config as Record<string, unknown>);
			next.config = body.config as Record<string, unknown>;
		}
		if (body.metadata) next.metadata = body.metadata;
		this.store.set(id, next);
		return this.view(next);
	}

	/** Logto's connector test: a Generic message with code 000000 through the factory, with the given config. */
	async test(factoryId: string, body: ConnectorTest): Promise<void> {
		const factory = this.factories.get(factoryId);
		if (!factory) throw new ApplicationError(404, 'connector.not_found', `Cannot find any available connector with type: Sms.`);
		if (!body.phone || !/^\d+$/.test(body.phone)) throw new ApplicationError(400, 'guard.invalid_input', 'The phone number must be digits only, with its country code.');
		const sms = await this.adapter(factory, body.config as Record<string, unknown>);
		try {
			await sms.sendMessage({ to: `+${body.phone}`, type: 'Generic', payload: { code: '000000' } });
		} catch (error) {
			// As Logto: a provider's refusal (or no answer) surfaces as a 500 from the test endpoint.
			throw new ApplicationError(500, 'connector.general', `An unexpected error occurred in connector. ${(error as Error).message}`);
		}
	}

	/** The connector that sends codes now, or undefined when none is configured. */
	async active(): Promise<SmsConnector | undefined> {
		const stored = this.store.values()[0];
		if (!stored) return undefined;
		return this.adapter(this.factories.get(stored.connectorId)!, stored.config);
	}

	private async adapter(factory: Factory, config: Record<string, unknown>): Promise<SmsConnector> {
		const adapter = await this.validate(factory, config);
		const outbox = this.outbox;
		// The provider's endpoint answers in sandbox mode; the code itself lands in the outbox.
		return {
			id: adapter.id,
			async sendMessage(data) {
				await adapter.sendMessage(data);
				if (outbox) appendFileSync(outbox, `${JSON.stringify({ to: data.to, usageType: data.type, code: data.payload.code, via: adapter.id, at: new Date().toISOString() })}\n`);
			},
		};
	}

	private async validate(factory: Factory, config: Record<string, unknown>) {
		try {
			return await LogtoSmsConnectorAdapter.create(factory.provider, config);
		} catch (error) {
			// Logto's words, with the zod details it adds (e.g. `Error in key path "sdkAppId": ...`).
			throw new ApplicationError(400, 'connector.invalid_config', "The connector's config is invalid.", (error as Error).message);
		}
	}

	private view(c: StoredConnector): Connector {
		const { info } = this.factories.get(c.connectorId)!;
		const { id: _factoryId, ...factoryInfo } = info;
		return { ...factoryInfo, id: c.id, connectorId: c.connectorId, config: c.config, metadata: c.metadata, syncProfile: false, enableTokenStorage: false };
	}
}
