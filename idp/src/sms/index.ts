import type { IdpConfig } from '../config.js';
import { readJsonFile } from '../config.js';
import { ConsoleSmsConnector } from './console.js';
import { LogtoSmsConnectorAdapter } from './logto.js';
import type { SmsConnector } from './types.js';

export type { SmsConnector, SendMessageData, UsageType } from './types.js';
export { SmsDeliveryError } from './types.js';

/** The connector IDP_SMS_CONNECTOR names, configured from IDP_SMS_CONFIG. */
export async function createSmsConnector(sms: IdpConfig['sms']): Promise<SmsConnector> {
	if (sms.connector === 'console') return new ConsoleSmsConnector(sms.outbox);
	if (!sms.configFile) {
		throw new Error(`IDP_SMS_CONNECTOR=${sms.connector} needs IDP_SMS_CONFIG: the path of its JSON config file`);
	}
	return LogtoSmsConnectorAdapter.create(sms.connector, readJsonFile(sms.configFile));
}
