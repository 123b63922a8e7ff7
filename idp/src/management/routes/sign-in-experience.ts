import type { Router } from 'express';

import { parse, wrap } from '../http.js';
import type { SignInExperiencePatch } from '../logto-types.js';
import { signInExpPatch } from '../schemas.js';
import type { ManagementDeps } from '../routes.js';

/** /api/sign-in-exp: read, and patch with Logto's checks. */
export default function signInExperienceRoutes(router: Router, { experience }: ManagementDeps): void {
	router.get('/sign-in-exp', wrap(() => experience.get()));
	router.patch('/sign-in-exp', wrap((req) => experience.patch(parse(signInExpPatch, req.body) as SignInExperiencePatch)));
}
