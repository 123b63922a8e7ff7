/** Logto's template usage types that the seed documents configure. */
export const usageTypes = ['Register', 'SignIn', 'ForgotPassword', 'Generic'] as const;
export type UsageType = (typeof usageTypes)[number];

export type SendMessageData = {
	/** E.164 phone number, e.g. +8613800138000 */
	to: string;
	type: UsageType;
	payload: { code: string };
};

/** One way of delivering a verification code by SMS. */
export interface SmsConnector {
	readonly id: string;
	sendMessage(data: SendMessageData): Promise<void>;
}

/** A delivery failure whose message is safe to log (no secrets) and a reason to show. */
export class SmsDeliveryError extends Error {
	constructor(
		readonly connectorId: string,
		readonly detail: string,
	) {
		super(`SMS delivery through ${connectorId} failed: ${detail}`);
		this.name = 'SmsDeliveryError';
	}
}
