import type { Router } from 'express';

import { found, id, parse, wrap } from '../http.js';
import type { ApplicationCreate, ApplicationPatch, ApplicationType } from '../logto-types.js';
import { applicationCreate, applicationPatch } from '../schemas.js';
import type { ManagementDeps } from '../routes.js';

/** /api/applications: list (by type), create, read, patch, and the usable secrets. */
export default function applicationRoutes(router: Router, { applications }: ManagementDeps): void {
	router.get(
		'/applications',
		wrap((req, res) => {
			const types = ([] as unknown[]).concat(req.query.types ?? []).map(String) as ApplicationType[];
			const list = applications.list(types);
			res.set('Total-Number', String(list.length));
			return list;
		}),
	);
	router.post('/applications', wrap((req) => applications.create(parse(applicationCreate, req.body) as ApplicationCreate)));
	router.get('/applications/:id', wrap((req) => found(applications.get(id(req)), 'application', id(req))));
	router.patch('/applications/:id', wrap((req) => applications.patch(id(req), parse(applicationPatch, req.body) as ApplicationPatch)));
	router.get('/applications/:id/secrets', wrap((req) => applications.secrets(id(req))));
}
