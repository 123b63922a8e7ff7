import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import nock from 'nock';

import { LogtoSmsConnectorAdapter } from '../src/sms/logto.js';
import { aliyunRpcSignature, tencentTc3Signature } from '../src/sms/signing.js';
import { SmsDeliveryError } from '../src/sms/types.js';

// Every provider request is captured in-process by nock: no traffic leaves the machine.
before(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
after(() => nock.enableNetConnect());

const templates = (key: 'templateCode' | 'content') =>
	(['Register', 'SignIn', 'ForgotPassword', 'Generic'] as const).map((usageType) => ({
		usageType,
		[key]: key === 'content' ? `Your ${usageType} code is {{code}}` : `tpl-${usageType}`,
	}));

test('Tencent TC3 signature matches the published example', () => {
	const payload = '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}';
	assert.equal(
		tencentTc3Signature({ secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE', service: 'cvm', host: 'cvm.tencentcloudapi.com', timestamp: 1551113065, payload }),
		'72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
	);
});

test('Aliyun RPC signature matches the published example', () => {
	const params = {
		Format: 'XML',
		AccessKeyId: 'testid',
		Action: 'DescribeRegions',
		SignatureMethod: 'HMAC-SHA1',
		SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
		SignatureVersion: '1.0',
		Version: '2014-05-26',
		Timestamp: '2016-02-23T12:46:24Z',
	};
	assert.equal(aliyunRpcSignature(params, 'testsecret', 'GET'), 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
});

test('Tencent connector sends a correctly signed SendSms request', async () => {
	const config = { accessKeyId: 'AKIDtest', accessKeySecret: 'tencent-secret', signName: 'Bookstore', region: 'ap-guangzhou', sdkAppId: '1400000000', templates: templates('templateCode') };
	const sms = await LogtoSmsConnectorAdapter.create('tencent', config);
	let captured: { headers: Record<string, string | string[]>; body: string } | undefined;
	nock('https://sms.tencentcloudapi.com')
		.post('/')
		.reply(function (_uri, body) {
			captured = { headers: this.req.headers as Record<string, string>, body: typeof body === 'string' ? body : JSON.stringify(body) };
			return [200, { Response: { SendStatusSet: [{ Code: 'Ok', Message: 'send success' }], RequestId: 'r-1' } }];
		});
	await sms.sendMessage({ to: '+8613800138000', type: 'SignIn', payload: { code: '123456' } });
	assert.ok(captured, 'the request reached the provider endpoint');
	const h = captured.headers;
	assert.equal(h['x-tc-action'], 'SendSms');
	assert.equal(h['x-tc-version'], '2021-01-11');
	assert.equal(h['x-tc-region'], 'ap-guangzhou');
	assert.equal(h['content-type'], 'application/json; charset=utf-8');
	assert.deepEqual(JSON.parse(captured.body), {
		SmsSdkAppId: '1400000000',
		SignName: 'Bookstore',
		TemplateId: 'tpl-SignIn',
		TemplateParamSet: ['123456'],
		PhoneNumberSet: ['8613800138000'],
	});
	const timestamp = Number(h['x-tc-timestamp']);
	const date = new Date(timestamp * 1000).toISOString().slice(0, 10);
	const signature = tencentTc3Signature({ secretKey: 'tencent-secret', service: 'sms', host: 'sms.tencentcloudapi.com', timestamp, payload: captured.body });
	assert.equal(
		h.authorization,
		`TC3-HMAC-SHA256 Credential=AKIDtest/${date}/sms/tc3_request, SignedHeaders=content-type;host, Signature=${signature}`,
	);
});

test('Aliyun connector sends a correctly signed SendSms request', async () => {
	const config = { accessKeyId: 'LTAItest', accessKeySecret: 'aliyun-secret', signName: 'Bookstore', templates: templates('templateCode') };
	const sms = await LogtoSmsConnectorAdapter.create('aliyun', config);
	let form: Record<string, string> | undefined;
	nock('https://dysmsapi.aliyuncs.com')
		.post('/')
		.reply(function (_uri, body) {
			assert.equal(this.req.headers['content-type'], 'application/x-www-form-urlencoded');
			form = Object.fromEntries(new URLSearchParams(body as string));
			return [200, JSON.stringify({ Code: 'OK', Message: 'OK', RequestId: 'r-2', BizId: 'b-1' })];
		});
	await sms.sendMessage({ to: '+8613800138000', type: 'Register', payload: { code: '654321' } });
	assert.ok(form);
	assert.equal(form.Action, 'SendSms');
	assert.equal(form.AccessKeyId, 'LTAItest');
	assert.equal(form.PhoneNumbers, '8613800138000');
	assert.equal(form.SignName, 'Bookstore');
	assert.equal(form.TemplateCode, 'tpl-Register');
	assert.equal(form.TemplateParam, '{"code":"654321"}');
	assert.equal(form.Signature, aliyunRpcSignature(form, 'aliyun-secret', 'POST'));
});

test('Twilio connector posts the templated message with basic auth', async () => {
	const config = { accountSID: 'AC0123', authToken: 'twilio-token', fromMessagingServiceSID: 'MG0456', templates: templates('content') };
	const sms = await LogtoSmsConnectorAdapter.create('twilio', config);
	let form: Record<string, string> | undefined;
	nock('https://api.twilio.com')
		.post('/2010-04-01/Accounts/AC0123/Messages.json')
		.reply(function (_uri, body) {
			assert.equal(this.req.headers.authorization, `Basic ${Buffer.from('AC0123:twilio-token').toString('base64')}`);
			form = Object.fromEntries(new URLSearchParams(body as string));
			return [201, { sid: 'SM1' }];
		});
	await sms.sendMessage({ to: '+12015550123', type: 'SignIn', payload: { code: '111222' } });
	assert.deepEqual(form, { To: '+12015550123', MessagingServiceSid: 'MG0456', Body: 'Your SignIn code is 111222', RiskCheck: 'enable' });
});

test('a provider error becomes an SmsDeliveryError without secrets', async () => {
	const config = { accountSID: 'AC0123', authToken: 'twilio-token', fromMessagingServiceSID: 'MG0456', templates: templates('content') };
	const sms = await LogtoSmsConnectorAdapter.create('twilio', config);
	nock('https://api.twilio.com').post(/.*/).reply(400, '{"code":21211,"message":"Invalid To phone number"}');
	await assert.rejects(
		sms.sendMessage({ to: '+12015550123', type: 'SignIn', payload: { code: '111222' } }),
		(error: unknown) => {
			assert.ok(error instanceof SmsDeliveryError);
			assert.match(error.message, /Invalid To phone number/);
			assert.doesNotMatch(error.message, /twilio-token/);
			return true;
		},
	);
});

test('a bad connector config is refused at start, naming the field', async () => {
	await assert.rejects(
		LogtoSmsConnectorAdapter.create('tencent', { accessKeyId: 'a', accessKeySecret: 'b', signName: 'c', region: 'ap-guangzhou', templates: templates('templateCode') }),
		/Invalid tencent SMS connector config: sdkAppId/,
	);
	await assert.rejects(
		LogtoSmsConnectorAdapter.create('twilio', { accountSID: 'AC1', authToken: 't', fromMessagingServiceSID: 'MG1', templates: [{ usageType: 'SignIn' }] }),
		/Invalid twilio SMS connector config: templates\.0\.content/,
	);
});
