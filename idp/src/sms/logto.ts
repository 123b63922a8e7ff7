// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the connectors ship no types; the shim must come along wherever this file is compiled (the bridge and testkit import the idp too).
/// <reference path="./logto-connectors.d.ts" />
import type { CreateConnector, SmsConnector as LogtoSmsConnector, TemplateType } from '@logto/connector-kit';
import createAliyunConnector from '@logto/connector-aliyun-sms';
import createTencentConnector from '@logto/connector-tencent-sms';
import createTwilioConnector from '@logto/connector-twilio-sms';

import { toLogtoDigits } from '@logto-bridge/contract';
import { SmsDeliveryError, type SendMessageData, type SmsConnector } from './types.js';

export const factories: Record<'tencent' | 'aliyun' | 'twilio', CreateConnector<LogtoSmsConnector>> = {
	tencent: createTencentConnector,
	aliyun: createAliyunConnector,
	twilio: createTwilioConnector,
};

export type ProviderName = keyof typeof factories;

/**
 * Logto's own SMS connector packages (the code Logto runs in production), wrapped behind
 * our interface. The config has exactly the shape the Logto console and the seed guides use.
 */
export class LogtoSmsConnectorAdapter implements SmsConnector {
	private constructor(
		readonly id: string,
		private readonly connector: LogtoSmsConnector,
		private readonly config: unknown,
	) {}

	/** Loads the connector and checks the config now, naming the first offending field. */
	static async create(provider: ProviderName, config: unknown): Promise<LogtoSmsConnectorAdapter> {
		const connector = await factories[provider]({
			getConfig: async () => config,
		});
		const result = connector.configGuard.safeParse(config);
		if (!result.success) {
			const issue = result.error.issues[0];
			const field = issue?.path.length ? issue.path.join('.') : '(config)';
			throw new Error(`Invalid ${provider} SMS connector config: ${field}: ${issue?.message ?? 'invalid'}`);
		}
		return new LogtoSmsConnectorAdapter(connector.metadata.id, connector, result.data);
	}

	async sendMessage({ to, type, payload }: SendMessageData): Promise<void> {
		try {
			// Logto hands connectors the phone number as it stores it: digits only.
			await this.connector.sendMessage({ to: toLogtoDigits(to), type: type as TemplateType, payload }, this.config);
		} catch (error) {
			throw new SmsDeliveryError(this.id, describe(error));
		}
	}
}

/** A one-line reason from a ConnectorError or HTTP failure; never the config (it holds secrets). */
function describe(error: unknown): string {
	if (error && typeof error === 'object') {
		const { code, data, message } = error as { code?: unknown; data?: unknown; message?: unknown };
		const detail = typeof data === 'string' ? data : data && typeof data === 'object' ? JSON.stringify(data) : message;
		return [code, detail].filter(Boolean).map(String).join(': ').slice(0, 300);
	}
	return String(error).slice(0, 300);
}
