import { join } from 'node:path';

import { JsonFileStore } from '../store.js';

/** An API resource as Logto has it: an indicator, its scopes, and which user roles grant which. */
export type ApiResource = {
	indicator: string;
	name: string;
	scopes: string[];
	/** Role name -> the scopes of this resource it grants (Logto's role permissions). */
	roleScopes: Record< string, string[] >;
};

/**
 * The tenant's API resources. As in Logto, a user gets a resource's scopes only through the
 * roles they hold; the Management API resource is apart (its scope `all` goes to M2M apps).
 */
export class ApiResources {
	private readonly store: JsonFileStore<ApiResource>;

	constructor(dataDir: string) {
		this.store = new JsonFileStore<ApiResource>(join(dataDir, 'api-resources.json'));
	}

	/** A resource whose scopes the given role grants, created or brought up to date. */
	seed(indicator: string, name: string, scopes: string[], role: string): void {
		const existing = this.store.get(indicator);
		this.store.set(indicator, { indicator, name, scopes, roleScopes: { ...existing?.roleScopes, [role]: scopes } });
	}

	get(indicator: string): ApiResource | undefined {
		return this.store.get(indicator);
	}

	/** The scopes of `indicator` that these roles grant, in the resource's order. */
	scopesFor(indicator: string, roles: string[]): string[] {
		const resource = this.store.get(indicator);
		if (!resource) return [];
		const granted = new Set(roles.flatMap((role) => resource.roleScopes[role] ?? []));
		return resource.scopes.filter((s) => granted.has(s));
	}
}
