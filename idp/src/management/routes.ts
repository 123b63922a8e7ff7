import express, { type NextFunction, type Request, type Response } from 'express';
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet } from 'jose';

import type { Accounts } from '../accounts.js';
import type { ApiResources } from './api-resources.js';
import { MANAGEMENT_API_RESOURCE, type Applications } from './applications.js';
import type { Connectors } from './connectors.js';
import type { Roles } from './roles.js';
import applicationRoutes from './routes/applications.js';
import connectorRoutes from './routes/connectors.js';
import roleAndResourceRoutes from './routes/roles-and-resources.js';
import signInExperienceRoutes from './routes/sign-in-experience.js';
import userRoutes from './routes/users.js';
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

/** As Logto: an access token for the Management API resource, signed by this issuer, with scope `all`. */
function requireManagementToken(deps: ManagementDeps) {
	const keys = createLocalJWKSet(deps.jwks);
	return async (req: Request, res: Response, next: NextFunction) => {
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
	};
}

/**
 * The subset of Logto's Management API that the WordPress setup uses, under /api, with Logto's
 * shapes and its error bodies (`{ code, message }`): one module per resource under routes/.
 */
export function managementApi(deps: ManagementDeps): express.Router {
	const router = express.Router();
	router.use(express.json({ limit: '100kb' }));
	router.use(requireManagementToken(deps));
	for (const routes of [applicationRoutes, connectorRoutes, signInExperienceRoutes, roleAndResourceRoutes, userRoutes]) routes(router, deps);
	return router;
}
