import { join } from 'node:path';

import { JsonFileStore } from '../store.js';
import { ApplicationError, standardId, TENANT_ID } from './applications.js';
import type { Resource, ResourceScope } from './logto-types.js';

/** An API resource as Logto has it: an indicator, its scopes, and which user roles grant which. */
type StoredResource = {
	id: string;
	indicator: string;
	name: string;
	/** Scope name -> scope id, in creation order. */
	scopes: Record< string, string >;
	/** Role name -> the scopes of this resource it grants (Logto's role permissions). */
	roleScopes: Record< string, string[] >;
	createdAt: number;
};

/**
 * The tenant's API resources. As in Logto, a user gets a resource's scopes only through the
 * roles they hold; the Management API resource is apart (its scope `all` goes to M2M apps).
 */
export class ApiResources {
	private readonly store: JsonFileStore<StoredResource>;

	constructor(dataDir: string) {
		this.store = new JsonFileStore<StoredResource>(join(dataDir, 'api-resources.json'));
		// Data of an earlier version kept scopes as a list, without ids.
		for (const r of this.store.values()) {
			if (!Array.isArray(r.scopes) && r.id) continue;
			const names = Array.isArray(r.scopes) ? (r.scopes as string[]) : Object.keys(r.scopes ?? {});
			this.store.set(r.indicator, { ...r, id: r.id ?? standardId(), scopes: Object.fromEntries(names.map((n) => [n, standardId()])), createdAt: r.createdAt ?? Date.now() });
		}
	}

	/** A resource whose scopes the given role grants, created or brought up to date (seeds). */
	seed(indicator: string, name: string, scopes: string[], role: string): void {
		const resource = this.store.get(indicator) ?? this.create({ name, indicator });
		for (const scope of scopes) if (!resource.scopes[scope]) resource.scopes[scope] = standardId();
		resource.roleScopes[role] = [...new Set([...(resource.roleScopes[role] ?? []), ...scopes])];
		this.store.set(indicator, resource);
	}

	/** The scope names of a resource, or undefined for an unknown indicator. */
	scopeNames(indicator: string): string[] | undefined {
		const resource = this.store.get(indicator);
		return resource && Object.keys(resource.scopes);
	}

	/** The scopes of `indicator` that these roles grant, in the resource's order. */
	scopesFor(indicator: string, roles: string[]): string[] {
		const resource = this.store.get(indicator);
		if (!resource) return [];
		const granted = new Set(roles.flatMap((role) => resource.roleScopes[role] ?? []));
		return Object.keys(resource.scopes).filter((s) => granted.has(s));
	}

	list(includeScopes: boolean): Resource[] {
		return this.store
			.values()
			.sort((a, b) => a.createdAt - b.createdAt)
			.map((r) => ({ ...view(r), ...(includeScopes ? { scopes: scopeViews(r) } : {}) }));
	}

	add(body: { name: string; indicator: string }): Resource {
		if (this.store.get(body.indicator)) throw new ApplicationError(422, 'resource.resource_indicator_already_exists', 'The resource indicator already exists.');
		const resource = this.create(body);
		this.store.set(resource.indicator, resource);
		return view(resource);
	}

	scopes(resourceId: string): ResourceScope[] {
		return scopeViews(this.byId(resourceId));
	}

	addScope(resourceId: string, body: { name: string; description?: string | null }): ResourceScope {
		const resource = this.byId(resourceId);
		if (resource.scopes[body.name]) throw new ApplicationError(422, 'scope.name_exists_under_resource', `Scope name ${body.name} already exists under this API resource.`);
		resource.scopes[body.name] = standardId();
		this.store.set(resource.indicator, resource);
		return scopeViews(resource).find((s) => s.name === body.name)!;
	}

	/** The scopes a role grants, of every resource (Logto: GET /api/roles/:id/scopes). */
	roleScopes(role: string): ResourceScope[] {
		return this.store.values().flatMap((r) => scopeViews(r).filter((s) => r.roleScopes[role]?.includes(s.name)));
	}

	/** Lets a role grant these scopes (Logto: POST /api/roles/:id/scopes); unknown ids are a 404. */
	grant(role: string, scopeIds: string[]): void {
		for (const scopeId of scopeIds) {
			const resource = this.store.values().find((r) => Object.values(r.scopes).includes(scopeId));
			if (!resource) throw new ApplicationError(404, 'entity.not_exists_with_id', `The scope with ID \`${scopeId}\` does not exist.`);
			const name = Object.keys(resource.scopes).find((n) => resource.scopes[n] === scopeId)!;
			resource.roleScopes[role] = [...new Set([...(resource.roleScopes[role] ?? []), name])];
			this.store.set(resource.indicator, resource);
		}
	}

	private create(body: { name: string; indicator: string }): StoredResource {
		return { id: standardId(), indicator: body.indicator, name: body.name, scopes: {}, roleScopes: {}, createdAt: Date.now() };
	}

	private byId(id: string): StoredResource {
		const resource = this.store.values().find((r) => r.id === id);
		if (!resource) throw new ApplicationError(404, 'entity.not_exists_with_id', `The resource with ID \`${id}\` does not exist.`);
		return resource;
	}
}

const view = (r: StoredResource): Resource => ({ tenantId: TENANT_ID, id: r.id, name: r.name, indicator: r.indicator, isDefault: false, accessTokenTtl: 3600 });
const scopeViews = (r: StoredResource): ResourceScope[] =>
	Object.entries(r.scopes).map(([name, id]) => ({ tenantId: TENANT_ID, id, resourceId: r.id, name, description: null, createdAt: r.createdAt }));
