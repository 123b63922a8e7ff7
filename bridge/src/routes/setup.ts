import { BRIDGE_SETUP_STEPS, ROUTES } from '@logto-bridge/contract';
import express, { type IRouter } from 'express';
import { z } from 'zod';

import { registeredUris, type BridgeContext } from '../context.js';
import { signedPost } from '../s2s.js';
import { SetupError, type LogtoAccess } from '../setup/management-session.js';
import * as steps from '../setup/steps.js';

const access = z.object({
	endpoint: z.url({ protocol: /^https?$/ }),
	appId: z.string().min(1).max(128),
	appSecret: z.string().min(1).max(512),
	resource: z.url().optional().or(z.literal('').transform(() => undefined)),
});
const apply = { apply: z.boolean().default(false), confirm: z.boolean().optional() };
const config = z.record(z.string(), z.unknown());
const bodies = {
	connect: z.object({ logto: access, siteUrl: z.url() }),
	application: z.object({ logto: access, siteUrl: z.url(), appId: z.string().min(1).optional(), name: z.string().max(128).optional(), ...apply }),
	sms: z.object({ logto: access, factoryId: z.string().min(1), config, ...apply }),
	'sms-test': z.object({ logto: access, factoryId: z.string().min(1), config, phone: z.string().min(1).max(32) }),
	'sign-in': z.object({ logto: access, choice: z.enum(['code_only', 'keep']).optional(), ...apply }),
	roles: z.object({ logto: access, roles: z.array(z.object({ name: z.string().min(1).max(128), description: z.string().min(1).max(256), isDefault: z.boolean().optional() })).max(20), ...apply }),
	api: z.object({ logto: access, indicator: z.url({ protocol: /^https?$/ }), defaultRole: z.boolean().optional(), ...apply }),
} satisfies Record<(typeof BRIDGE_SETUP_STEPS)[number], z.ZodType>;
type Step = keyof typeof bodies;

/**
 * POST /setup/<step> (HMAC-signed by WordPress, answered signed): the Logto setup wizard's calls
 * to Logto's Management API. WordPress sends the M2M app's credentials with each call; the bridge
 * keeps only the access token, in memory, until shortly before it expires.
 */
export default function setup(router: IRouter, ctx: BridgeContext): void {
	const { log } = ctx;
	router.post(`${ROUTES.setup}/:step`, express.text({ type: '*/*', limit: '64kb' }), async (req, res, next) => {
		try {
			const step = String(req.params.step);
			if (!Object.hasOwn(bodies, step)) return res.status(404).json({ error: 'not_found' });
			const signed = await signedPost(ctx, req, res, `${ROUTES.setup}/${step}`, 'setup');
			if (!signed) return;
			let input: unknown;
			try {
				input = JSON.parse(signed.body);
			} catch {
				return signed.answer(400, { error: 'invalid_request', message: 'The body is not JSON.' });
			}
			const parsed = bodies[step as Step].safeParse(input);
			if (!parsed.success) {
				const issue = parsed.error.issues[0];
				return signed.answer(400, { error: 'invalid_request', message: `${issue?.path.join('.') || '(body)'}: ${issue?.message}` });
			}
			try {
				const result = await run(step as Step, parsed.data, registeredUris(ctx.config));
				log.info({ step: `setup-${step}` }, 'setup step done');
				signed.answer(200, result);
			} catch (error) {
				if (!(error instanceof SetupError)) throw error;
				log.warn({ step: `setup-${step}`, reason: error.code }, error.message);
				signed.answer(error.status, { error: error.code, message: error.message });
			}
		} catch (error) {
			next(error);
		}
	});
}

function run(step: Step, body: z.infer<(typeof bodies)[Step]>, uris: ReturnType<typeof registeredUris>) {
	const logto = body.logto as LogtoAccess;
	switch (step) {
		case 'connect':
			return steps.connect(logto, (body as z.infer<typeof bodies.connect>).siteUrl);
		case 'application':
			return steps.application(logto, { ...(body as z.infer<typeof bodies.application>), uris });
		case 'sms':
			return steps.smsConnector(logto, body as z.infer<typeof bodies.sms>);
		case 'sms-test':
			return steps.smsTest(logto, body as z.infer<typeof bodies['sms-test']>);
		case 'sign-in':
			return steps.phoneSignIn(logto, body as z.infer<(typeof bodies)['sign-in']>);
		case 'roles':
			return steps.roles(logto, body as z.infer<typeof bodies.roles>);
		case 'api':
			return steps.apiResource(logto, body as z.infer<typeof bodies.api>);
	}
}
