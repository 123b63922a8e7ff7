import { API_SCOPES, APP_ROLE } from '@logto-bridge/contract';

import { call, type LogtoAccess } from '../management-session.js';
import type { Change } from '../plans.js';
import { guardApply, session, type Apply } from './shared.js';

/**
 * Step 5: the site's REST API as a Logto API resource with wp:read and wp:write, and a role that
 * grants both (Logto gives a user an API's scopes only through their roles). The role is a
 * default role (every new user of the tenant gets it) only when the admin opts in. Nothing is
 * replaced; what is there is used.
 */
export async function apiResource(access: LogtoAccess, input: { indicator: string; defaultRole?: boolean | undefined } & Apply) {
	const s = await session(access);
	const resources = await call(s.endpoint, s.client.GET('/api/resources', { params: { query: { includeScopes: 'true' } } }));
	let resource = resources.find((r) => r.indicator === input.indicator);
	const role = (await call(s.endpoint, s.client.GET('/api/roles'))).find((r) => r.name === APP_ROLE.name);
	const granted = role ? await call(s.endpoint, s.client.GET('/api/roles/{id}/scopes', { params: { path: { id: role.id } } })) : [];
	const missingScopes = API_SCOPES.filter((scope) => !resource?.scopes?.some((x) => x.name === scope.name));
	const missingGrants = API_SCOPES.filter((scope) => !granted.some((g) => g.name === scope.name && g.resourceId === resource?.id));
	const changes: Change[] = [
		...(resource ? [] : [{ field: 'apiResource', from: null, to: input.indicator, replaces: false }]),
		...missingScopes.map((scope) => ({ field: 'apiResource.scopes', from: null, to: scope.name, replaces: false })),
		...(role ? [] : [{ field: input.defaultRole ? 'role.default' : 'role', from: null, to: APP_ROLE.name, replaces: false }]),
		...(missingGrants.length ? [{ field: `role.${APP_ROLE.name}.scopes`, from: null, to: missingGrants.map((g) => g.name).join(', '), replaces: false }] : []),
	];
	if (guardApply(changes, input)) {
		resource ??= await call(s.endpoint, s.client.POST('/api/resources', { body: { name: 'WordPress REST API', indicator: input.indicator } }));
		const resourceId = resource.id;
		for (const scope of missingScopes) await call(s.endpoint, s.client.POST('/api/resources/{resourceId}/scopes', { params: { path: { resourceId } }, body: scope }));
		const scopes = await call(s.endpoint, s.client.GET('/api/resources/{resourceId}/scopes', { params: { path: { resourceId } } }));
		const roleId = role?.id ?? (await call(s.endpoint, s.client.POST('/api/roles', { body: { name: APP_ROLE.name, description: APP_ROLE.description, type: 'User', isDefault: input.defaultRole === true } }))).id;
		const scopeIds = scopes.filter((x) => missingGrants.some((g) => g.name === x.name)).map((x) => x.id);
		if (scopeIds.length) await call(s.endpoint, s.client.POST('/api/roles/{id}/scopes', { params: { path: { id: roleId } }, body: { scopeIds } }));
	}
	return { resource: resource ? { id: resource.id, indicator: resource.indicator } : null, role: APP_ROLE.name, changes, applied: input.apply && changes.length > 0 };
}
