import { pino, type Logger } from 'pino';

/** Structured logs; secrets, codes, tickets and tokens are never logged (and redacted if passed). */
export function createLogger(level: string, instance?: string, site?: string): Logger {
	return pino({
		level,
		// Several instances behind one load balancer: each line says which one wrote it.
		// One bridge for several sites: each line says which site it is about.
		base: { service: 'bridge', ...(instance ? { instance } : {}), ...(site ? { site } : {}) },
		redact: { paths: ['ticket', 'code', 'id_token', 'access_token', 'secret', 'appSecret', '*.appSecret', 'headers.cookie'], censor: '[redacted]' },
	});
}

export type { Logger };
