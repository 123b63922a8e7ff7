import type { Router } from 'express';

import { found, id, parse, wrap } from '../http.js';
import type { ConnectorCreate, ConnectorPatch, ConnectorTest } from '../logto-types.js';
import { connectorCreate, connectorPatch, connectorTest } from '../schemas.js';
import type { ManagementDeps } from '../routes.js';

/** /api/connector-factories and /api/connectors: the SMS connectors, and Logto's connector test. */
export default function connectorRoutes(router: Router, { connectors }: ManagementDeps): void {
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
}
