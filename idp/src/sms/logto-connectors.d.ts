// Logto's connector packages ship ESM without type declarations.
declare module '@logto/connector-tencent-sms' {
	import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
	const createConnector: CreateConnector<SmsConnector>;
	export default createConnector;
}
declare module '@logto/connector-aliyun-sms' {
	import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
	const createConnector: CreateConnector<SmsConnector>;
	export default createConnector;
}
declare module '@logto/connector-twilio-sms' {
	import type { CreateConnector, SmsConnector } from '@logto/connector-kit';
	const createConnector: CreateConnector<SmsConnector>;
	export default createConnector;
}
