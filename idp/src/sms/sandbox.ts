import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import nock from 'nock';

/** The provider endpoints Logto's SMS connectors call, and the success answer each expects. */
const providers: Array<{ origin: string; path: RegExp; reply: (body: string) => [number, unknown]; refuse?: (headers: Record<string, string>) => [number, unknown] | false }> = [
	{
		origin: 'https://sms.tencentcloudapi.com',
		path: /^\/$/,
		reply: () => [200, { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success', SerialNo: 'sandbox' }], RequestId: 'sandbox' } }],
		// A SecretId starting "AKIDrefused" gets Tencent's answer to unknown credentials.
		refuse: (headers) => /Credential=AKIDrefused/.test(headers.authorization ?? '') && [200, { Response: { Error: { Code: 'AuthFailure.SecretIdNotFound', Message: 'The SecretId is not found, please ensure that your SecretId is correct.' }, RequestId: 'sandbox' } }],
	},
	{ origin: 'https://dysmsapi.aliyuncs.com', path: /^\/$/, reply: () => [200, { Code: 'OK', Message: 'OK', RequestId: 'sandbox', BizId: 'sandbox' }] },
	{ origin: 'https://api.twilio.com', path: /^\/2010-04-01\/Accounts\/[^/]+\/Messages\.json$/, reply: () => [201, { sid: 'SMsandbox', status: 'queued' }] },
];

export type SandboxRecord = { at: string; url: string; method: string; headers: Record<string, string>; body: string };

/**
 * Sandbox mode: the SMS providers cannot be reached from here, so their endpoints answer in
 * this process. Logto's connector code still builds and signs each request exactly as it would
 * send it; the request is recorded (one JSON line per request, for tests to check the
 * signature) and answered as the provider answers a success. Nothing else is intercepted.
 */
export function installSmsSandbox(recordFile: string): void {
	mkdirSync(dirname(recordFile), { recursive: true });
	for (const provider of providers) {
		nock(provider.origin)
			.persist()
			.post(provider.path)
			.reply(function (uri, body) {
				const text = typeof body === 'string' ? body : JSON.stringify(body);
				const headers = Object.fromEntries(Object.entries(this.req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
				const record: SandboxRecord = { at: new Date().toISOString(), url: `${provider.origin}${uri}`, method: 'POST', headers, body: text };
				appendFileSync(recordFile, `${JSON.stringify(record)}\n`);
				return provider.refuse?.(headers) || provider.reply(text);
			});
	}
}
