import type { Router } from 'express';

import { created, found, id, parse, wrap } from '../http.js';
import type { RoleCreate } from '../logto-types.js';
import { resourceCreate, roleCreate, roleScopes, scopeCreate } from '../schemas.js';
import type { ManagementDeps } from '../routes.js';

/** /api/roles and /api/resources: roles, API resources, their scopes and the scopes roles grant. */
export default function roleAndResourceRoutes(router: Router, { roles, apiResources }: ManagementDeps): void {
	router.get(
		'/roles',
		wrap((_req, res) => {
			const list = roles.list();
			res.set('Total-Number', String(list.length));
			return list;
		}),
	);
	router.post('/roles', wrap((req) => roles.create(parse(roleCreate, req.body) as RoleCreate)));
	router.get('/roles/:id', wrap((req) => found(roles.get(id(req)), 'role', id(req))));
	router.get('/resources', wrap((req) => apiResources.list(req.query.includeScopes === 'true')));
	router.post('/resources', created((req) => apiResources.add(parse(resourceCreate, req.body))));
	router.get('/resources/:resourceId/scopes', wrap((req) => apiResources.scopes(id(req, 'resourceId'))));
	router.post('/resources/:resourceId/scopes', created((req) => apiResources.addScope(id(req, 'resourceId'), parse(scopeCreate, req.body))));
	router.get('/roles/:id/scopes', wrap((req) => apiResources.roleScopes(found(roles.get(id(req)), 'role', id(req)).name)));
	router.post(
		'/roles/:id/scopes',
		created((req) => {
			const role = found(roles.get(id(req)), 'role', id(req));
			apiResources.grant(role.name, parse(roleScopes, req.body).scopeIds);
			return apiResources.roleScopes(role.name);
		}),
	);
}
