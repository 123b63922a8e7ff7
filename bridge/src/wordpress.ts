import type { BridgeConfig } from './config.js';
import { SIGNATURE_HEADER, sign } from './signature.js';

/** Signed server-to-server calls from the bridge to the plugin's REST routes. */
export async function postToWordPress(config: Pick<BridgeConfig, 'wpUrl' | 'sharedSecret'>, route: string, payload: unknown): Promise<Response> {
	const body = JSON.stringify(payload);
	return fetch(`${config.wpUrl}/wp-json/logto-bridge/v1/${route}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(config.sharedSecret, body) },
		body,
		signal: AbortSignal.timeout(5000),
	});
}
