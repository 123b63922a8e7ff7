import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

const idpRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = resolve(idpRoot, '..');

const bool = z
	.enum(['1', '0', 'true', 'false', 'on', 'off'])
	.transform((v) => v === '1' || v === 'true' || v === 'on');

/** The local M2M app's secret when none is set: fine on loopback, refused anywhere else. */
export const BUILT_IN_SETUP_SECRET = 'local-setup-secret';

const envSchema = z.object({
	IDP_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
	IDP_HOST: z.string().default('127.0.0.1'),
	IDP_PUBLIC_URL: z.url().optional(),
	IDP_DATA_DIR: z.string().default(join(repoRoot, '.data', 'idp')),
	IDP_CLIENTS_FILE: z.string().optional(),
	IDP_USERS_FILE: z.string().default(join(idpRoot, 'fixtures', 'users.json')),
	IDP_SIGNING_ALG: z.enum(['ES384', 'RS256']).default('ES384'),
	IDP_SIGN_UP: bool.default(true),
	IDP_SMS_CONNECTOR: z.enum(['console', 'tencent', 'aliyun', 'twilio']).default('console'),
	IDP_SMS_CONFIG: z.string().optional(),
	IDP_SMS_OUTBOX: z.string().optional(),
	IDP_DEFAULT_REGION: z.string().length(2).default('US'),
	IDP_CODE_TTL_SECONDS: z.coerce.number().int().min(1).default(600),
	IDP_RESEND_SECONDS: z.coerce.number().int().min(0).default(60),
	// Codes per client address per hour (Logto limits senders too); the e2e suite, all from 127.0.0.1, raises it.
	IDP_SMS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).default(20),
	// Start as a fresh Logto tenant: no WordPress app, no SMS connector, and the sign-in
	// experience a new tenant has: self-hosted (username + password) or Logto Cloud's (email + password).
	IDP_EMPTY: bool.default(false),
	IDP_EMPTY_AS: z.enum(['self-hosted', 'cloud']).default('self-hosted'),
	// SMS connectors configured through the Management API reach no provider: see sms/sandbox.ts.
	IDP_SMS_SANDBOX: bool.default(true),
	// The site's REST API as an API resource (its indicator, e.g. https://example.com/wp-json), with
	// the scopes wp:read and wp:write granted by a default role every new account gets.
	IDP_API_RESOURCE: z.url().optional(),
	// Fault tests only: a JSON file read at each token request, e.g. {"tokenDelayMs": 4000}.
	IDP_FAULTS_FILE: z.string().optional(),
	IDP_SETUP_APP_ID: z.string().min(1).default('wordpress-setup'),
	IDP_SETUP_APP_SECRET: z.string().min(16).default(BUILT_IN_SETUP_SECRET),
});

export type IdpConfig = {
	port: number;
	host: string;
	/** Origin the browser reaches, e.g. http://127.0.0.1:3001 */
	publicUrl: string;
	/** Issuer, like Logto's: `${publicUrl}/oidc` */
	issuer: string;
	dataDir: string;
	/** The apps; without one, the local WordPress app as `npm start` registers it on its default ports. */
	clientsFile: string | undefined;
	usersFile: string;
	signingAlg: 'ES384' | 'RS256';
	signUpEnabled: boolean;
	sms: { connector: 'console' | 'tencent' | 'aliyun' | 'twilio'; configFile: string | undefined; outbox: string };
	defaultRegion: string;
	codeTtlSeconds: number;
	resendSeconds: number;
	/** SMS codes one client address may request per hour. */
	smsPerIpPerHour: number;
	/** Started as a fresh tenant (no WordPress app, no SMS connector). */
	empty: boolean;
	/** Which fresh tenant: a self-hosted Logto's defaults, or Logto Cloud's. */
	emptyAs: 'self-hosted' | 'cloud';
	smsSandbox: boolean;
	/** The site's API resource indicator, when the idp issues access tokens for it. */
	apiResource: string | undefined;
	/** The M2M app holding the Management API role, for the setup wizard. */
	setupApp: { id: string; secret: string };
	/** Fault tests only: where the faults to inject are written (faults.ts). */
	faultsFile: string | undefined;
};

/** Reads the configuration from the environment; throws naming the offending variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): IdpConfig {
	const parsed = envSchema.safeParse(env);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`Invalid idp configuration: ${String(issue?.path.join('.'))}: ${issue?.message}`);
	}
	const e = parsed.data;
	// The built-in M2M secret is printed in every README: off loopback it would hand the whole
	// tenant's Management API to anyone on the network.
	if (e.IDP_SETUP_APP_SECRET === BUILT_IN_SETUP_SECRET && !/^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/.test(e.IDP_HOST)) {
		throw new Error(`Invalid idp configuration: IDP_SETUP_APP_SECRET: the built-in M2M secret is only for an idp on loopback; set your own (at least 16 characters) to listen on ${e.IDP_HOST}`);
	}
	const publicUrl = (e.IDP_PUBLIC_URL ?? `http://${e.IDP_HOST}:${e.IDP_PORT}`).replace(/\/+$/, '');
	const dataDir = resolve(e.IDP_DATA_DIR);
	return {
		port: e.IDP_PORT,
		host: e.IDP_HOST,
		publicUrl,
		issuer: `${publicUrl}/oidc`,
		dataDir,
		clientsFile: e.IDP_CLIENTS_FILE ? resolve(e.IDP_CLIENTS_FILE) : undefined,
		usersFile: resolve(e.IDP_USERS_FILE),
		signingAlg: e.IDP_SIGNING_ALG,
		signUpEnabled: e.IDP_SIGN_UP,
		sms: {
			connector: e.IDP_SMS_CONNECTOR,
			configFile: e.IDP_SMS_CONFIG ? resolve(e.IDP_SMS_CONFIG) : undefined,
			outbox: resolve(e.IDP_SMS_OUTBOX ?? join(dataDir, 'sms-outbox.jsonl')),
		},
		defaultRegion: e.IDP_DEFAULT_REGION.toUpperCase(),
		codeTtlSeconds: e.IDP_CODE_TTL_SECONDS,
		resendSeconds: e.IDP_RESEND_SECONDS,
		smsPerIpPerHour: e.IDP_SMS_PER_IP_PER_HOUR,
		empty: e.IDP_EMPTY,
		emptyAs: e.IDP_EMPTY_AS,
		smsSandbox: e.IDP_SMS_SANDBOX,
		setupApp: { id: e.IDP_SETUP_APP_ID, secret: e.IDP_SETUP_APP_SECRET },
		apiResource: e.IDP_API_RESOURCE,
		faultsFile: e.IDP_FAULTS_FILE ? resolve(e.IDP_FAULTS_FILE) : undefined,
	};
}

/** Reads and parses a JSON file, with the file named in the error. */
export function readJsonFile(path: string): unknown {
	if (!existsSync(path)) throw new Error(`File not found: ${path}`);
	try {
		return JSON.parse(readFileSync(path, 'utf8'));
	} catch (error) {
		throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
	}
}
