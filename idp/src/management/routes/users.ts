import type { Router } from 'express';

import { found, id, parse, wrap } from '../http.js';
import { userRoles } from '../schemas.js';
import { userListItem } from '../users.js';
import type { ManagementDeps } from '../routes.js';

/** /api/users: the list in Logto's pages, and a user's roles. */
export default function userRoutes(router: Router, { accounts, roles }: ManagementDeps): void {
	// Logto's pages: page (from 1) and page_size (at most 100), the count in Total-Number.
	router.get(
		'/users',
		wrap((req, res) => {
			const page = Math.max(1, Number(req.query.page ?? 1) || 1);
			const size = Math.min(100, Math.max(1, Number(req.query.page_size ?? 20) || 20));
			const all = accounts.list();
			res.set('Total-Number', String(all.length));
			return all.slice((page - 1) * size, page * size).map(userListItem);
		}),
	);
	router.get(
		'/users/:userId/roles',
		wrap((req) => {
			const user = found(accounts.get(id(req, 'userId')), 'user', id(req, 'userId'));
			return user.roles.map((name) => roles.findByName(name)).filter((r) => r !== undefined);
		}),
	);
	router.post(
		'/users/:userId/roles',
		wrap((req, res) => {
			const user = found(accounts.get(id(req, 'userId')), 'user', id(req, 'userId'));
			const { roleIds } = parse(userRoles, req.body);
			const names = roleIds.map((roleId) => found(roles.get(roleId), 'role', roleId).name);
			accounts.setRoles(user.id, [...new Set([...user.roles, ...names])]);
			res.status(201).end();
		}),
	);
}
