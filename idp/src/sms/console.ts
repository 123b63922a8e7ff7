import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type { SendMessageData, SmsConnector } from './types.js';

/**
 * Development connector: prints the code and appends one JSON line to an outbox file,
 * which people read in the terminal and tests read from the file. No SMS leaves the machine.
 */
export class ConsoleSmsConnector implements SmsConnector {
	readonly id = 'console';

	constructor(private readonly outbox: string) {
		mkdirSync(dirname(outbox), { recursive: true });
	}

	async sendMessage({ to, type, payload }: SendMessageData): Promise<void> {
		console.log(`SMS to ${to}: ${payload.code} (${type})`);
		appendFileSync(this.outbox, `${JSON.stringify({ to, usageType: type, code: payload.code, at: new Date().toISOString() })}\n`);
	}
}
