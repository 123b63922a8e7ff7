import express, { type NextFunction, type Request, type Response } from 'express';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';
import { z } from 'zod';

import type { Accounts } from '../accounts.js';
import type { ApiResources } from './api-resources.js';
import { ApplicationError, MANAGEMENT_API_RESOURCE, type Applications } from './applications.js';
import type { Connectors } from './connectors.js';
import { userListItem } from './users.js';
import type { ApplicationCreate, ApplicationPatch, ApplicationType, ConnectorCreate, ConnectorPatch, ConnectorTest, RoleCreate, SignInExperiencePatch } from './logto-types.js';
import type { Roles } from './roles.js';
import type { SignInExperiences } from './sign-in-experience.js';

export type ManagementDeps = {
	issuer: string;
	/** The provider's public signing keys: access tokens for the Management API are JWTs it signed. */
	jwks: JSONWebKeySet;
	applications: Applications;
	connectors: Connectors;
	experience: SignInExperiences;
	roles: Roles;
	accounts: Accounts;
	apiResources: ApiResources;
};

// Logto accepts web URLs and custom-scheme (mobile) URIs here.
const uri = z.string().regex(/^([a-z][a-z0-9+.-]*):\/\/?\S+$/i, 'must be an absolute URI');
const oidcClientMetadata = z.object({
	redirectUris: z.array(uri),
	postLogoutRedirectUris: z.array(uri),
	backchannelLogoutUri: z.url().optional(),
	backchannelLogoutSessionRequired: z.boolean().optional(),
	logoUri: z.string().optional(),
});
const applicationCreate = z.object({
	name: z.string().min(1),
	description: z.string().nullable().optional(),
	type: z.enum(['Native', 'SPA', 'Traditional', 'MachineToMachine', 'Protected', 'SAML']),
	oidcClientMetadata: oidcClientMetadata.optional(),
	customClientMetadata: z.record(z.string(), z.unknown()).optional(),
	customData: z.record(z.string(), z.unknown()).optional(),
	isThirdParty: z.boolean().optional(),
});
const applicationPatch = applicationCreate.omit({ type: true }).partial();
const method = z.object({ identifier: z.enum(['username', 'email', 'phone']), password: z.boolean(), verificationCode: z.boolean(), isPasswordPrimary: z.boolean() });
const signInExpPatch = z.object({
	signIn: z.object({ methods: z.array(method) }).optional(),
	signUp: z
		.object({
			identifiers: z.array(z.enum(['username', 'email', 'phone'])),
			password: z.boolean(),
			verify: z.boolean(),
			secondaryIdentifiers: z.array(z.object({ identifier: z.enum(['username', 'email', 'phone', 'emailOrPhone']), verify: z.boolean().optional() })).optional(),
		})
		.optional(),
	signInMode: z.enum(['SignIn', 'Register', 'SignInAndRegister']).optional(),
});
const connectorCreate = z.object({ connectorId: z.string().min(1), config: z.record(z.string(), z.unknown()).optional(), metadata: z.record(z.string(), z.unknown()).optional(), id: z.string().optional() });
const connectorPatch = z.object({ config: z.record(z.string(), z.unknown()).optional(), metadata: z.record(z.string(), z.unknown()).optional() });
const connectorTest = z.object({ phone: z.string().optional(), email: z.string().optional(), config: z.record(z.string(), z.unknown()), locale: z.string().optional() });
const roleCreate = z.object({ name: z.string().min(1), description: z.string().min(1), type: z.enum(['User', 'MachineToMachine']).optional(), isDefault: z.boolean().optional() });
const userRoles = z.object({ roleIds: z.array(z.string().min(1)).min(1) });
const resourceCreate = z.object({ name: z.string().min(1).max(128), indicator: z.url() });
const scopeCreate = z.object({ name: z.string().min(1).max(256).regex(/^\S+$/, 'no spaces'), description: z.string().nullable().optional() });
const roleScopes = z.object({ scopeIds: z.array(z.string().min(1)).min(1) });

/** Parses a body as Logto's koaGuard does: a 400 `guard.invalid_input` naming the first problem. */
function parse<T>(schema: z.ZodType<T>, body: unknown): T {
	const result = schema.safeParse(body);
	if (result.success) return result.data;
	const details = result.error.issues.map((i) => `Error in key path "${i.path.join('.')}": (${i.code}) ${i.message}`).join('\n');
	throw new ApplicationError(400, 'guard.invalid_input', 'The request body is invalid.', details, { issues: result.error.issues, name: 'ZodError' });
}

/**
 * The subset of Logto's Management API that the WordPress setup uses, under /api, with Logto's
 * shapes and its error bodies (`{ code, message }`). Every route needs an access token for the
 * Management API resource with scope `all`, as Logto requires.
 */
export function managementApi(deps: ManagementDeps): express.Router {
	const { applications, connectors, experience, roles, accounts, apiResources } = deps;
	const keys = createLocalJWKSet(deps.jwks);
	const router = express.Router();
	router.use(express.json({ limit: '100kb' }));

	router.use(async (req: Request, res: Response, next: NextFunction) => {
		const header = req.get('authorization') ?? '';
		if (!header) return res.status(401).json({ code: 'auth.authorization_header_missing', message: 'Authorization header is missing.' });
		const [scheme, token] = header.split(' ');
		if (scheme?.toLowerCase() !== 'bearer' || !token) return res.status(401).json({ code: 'auth.authorization_token_type_not_supported', message: 'Authorization type is not supported.' });
		try {
			const { payload } = await jwtVerify(token, keys, { issuer: deps.issuer, audience: MANAGEMENT_API_RESOURCE });
			const scopes = String(payload.scope ?? '').split(' ');
			if (!scopes.includes('all')) return res.status(403).json({ code: 'auth.forbidden', message: 'Forbidden. Please check your permissions.' });
		} catch {
			return res.status(401).json({ code: 'auth.unauthorized', message: 'Unauthorized. Please check credentials and its scope.' });
		}
		next();
	});

	const wrap = (handler: (req: Request, res: Response) => Promise<unknown> | unknown) => async (req: Request, res: Response) => {
		try {
			const body = await handler(req, res);
			if (!res.headersSent) res.json(body);
		} catch (error) {
			if (error instanceof ApplicationError) {
				return res.status(error.status).json({ code: error.code, message: error.message, ...(error.data ? { data: error.data } : {}), ...(error.details ? { details: error.details } : {}) });
			}
			console.error(`management api: ${(error as Error).message}`);
			res.status(500).json({ code: 'unexpected', message: 'Unexpected error.' });
		}
	};
	const found = <T>(value: T | undefined, what: string, id: string): T => {
		if (value === undefined) throw new ApplicationError(404, 'entity.not_exists_with_id', `The ${what} with ID \`${id}\` does not exist.`);
		return value;
	};
	const id = (req: Request, name = 'id') => String(req.params[name]);

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

	router.get('/connector-factories', wrap(() => connectors.listFactories()));
	router.get('/connectors', wrap(() => connectors.list()));
	router.post('/connectors', wrap((req) => connectors.create(parse(connectorCreate, req.body) as ConnectorCreate)));
	router.get('/connectors/:id', wrap((req) => found(connectors.get(id(req)), 'connector', id(req))));
	router.patch('/connectors/:id', wrap((req) => connectors.patch(id(req), parse(connectorPatch, req.body) as ConnectorPatch)));
	router.post(
		'/connectors/:factoryId/test',
		wrap(async (req, res) => {
			await connectors.test(id(req, 'factoryId'), parse(connectorTest, req.body) as ConnectorTest);
			res.status(204).end();
		}),
	);

	router.get('/sign-in-exp', wrap(() => experience.get()));
	router.patch('/sign-in-exp', wrap((req) => experience.patch(parse(signInExpPatch, req.body) as SignInExperiencePatch)));

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
	const created = <T>(make: (req: Request) => T) => wrap((req, res) => res.status(201) && make(req));
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
	return router;
}
