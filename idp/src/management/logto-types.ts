// The Management API's request and response shapes, taken from Logto's own typed client
// (@logto/api, generated from Logto's OpenAPI document), so the idp cannot drift from them.
import type { createApiClient } from '@logto/api/management';
import type { Client } from 'openapi-fetch';

type Paths = ReturnType<typeof createApiClient> extends Client<infer P> ? P : never;
type Op<P extends keyof Paths, M extends keyof Paths[P]> = Paths[P][M];
type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type Ok<O> = O extends { responses: { 200: infer R } } ? Json<R> : never;
type Body<O> = O extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

export type Application = Ok<Op<'/api/applications/{id}', 'get'>>;
export type ApplicationCreate = Body<Op<'/api/applications', 'post'>>;
export type ApplicationPatch = Body<Op<'/api/applications/{id}', 'patch'>>;
export type ApplicationSecret = Ok<Op<'/api/applications/{id}/secrets', 'get'>>[number];
export type ApplicationType = Application['type'];
export type Connector = Ok<Op<'/api/connectors/{id}', 'get'>>;
export type ConnectorCreate = Body<Op<'/api/connectors', 'post'>>;
export type ConnectorPatch = Body<Op<'/api/connectors/{id}', 'patch'>>;
export type ConnectorFactory = Ok<Op<'/api/connector-factories', 'get'>>[number];
export type ConnectorTest = Body<Op<'/api/connectors/{factoryId}/test', 'post'>>;
export type SignInExperience = Ok<Op<'/api/sign-in-exp', 'get'>>;
export type SignInExperiencePatch = Body<Op<'/api/sign-in-exp', 'patch'>>;
export type Role = Ok<Op<'/api/roles/{id}', 'get'>>;
export type RoleCreate = Body<Op<'/api/roles', 'post'>>;
export type UserListItem = Ok<Op<'/api/users', 'get'>>[number];
export type Resource = Ok<Op<'/api/resources/{id}', 'get'>>;
export type ResourceScope = Ok<Op<'/api/resources/{resourceId}/scopes', 'get'>>[number];
