import express from 'express';

import { confirmRegister, submitCode } from './code.js';
import { finish, step, type InteractionDeps } from './context.js';
import { submitPassword } from './password.js';
import { resendCode, submitPhone } from './phone.js';
import { submitProfile } from './profile.js';
import { show } from './show.js';

export type { InteractionDeps };

/** Sign-in and sign-up pages for oidc-provider interactions (Logto's flow, server-rendered): one handler per action. */
export default function interactions(deps: InteractionDeps) {
	const router = express.Router();
	const body = express.urlencoded({ extended: false, limit: '10kb' });
	router.get('/interaction/:uid', step(deps, show(deps)));
	router.post('/interaction/:uid/phone', body, step(deps, submitPhone(deps)));
	router.post('/interaction/:uid/resend', step(deps, resendCode(deps)));
	router.post('/interaction/:uid/code', body, step(deps, submitCode(deps)));
	router.post('/interaction/:uid/register', step(deps, confirmRegister(deps)));
	router.post('/interaction/:uid/password', body, step(deps, submitPassword(deps)));
	router.post('/interaction/:uid/profile', body, step(deps, submitProfile(deps)));
	router.get(
		'/interaction/:uid/abort',
		step(deps, (s) => finish(deps, s, { error: 'access_denied', error_description: 'End-User aborted interaction' })),
	);
	return router;
}
