import { join } from 'node:path';

import { JsonFileStore } from '../store.js';
import { ApplicationError, MANAGEMENT_ROLE, standardId, TENANT_ID } from './applications.js';
import type { Role, RoleCreate } from './logto-types.js';

/**
 * The tenant's roles. User roles travel by name in the `roles` claim (as Logto's `roles` scope
 * does); a role marked `isDefault` is given to every new account, as in Logto.
 */
export class Roles {
	private readonly store: JsonFileStore<Role>;

	constructor(dataDir: string) {
		this.store = new JsonFileStore<Role>(join(dataDir, 'roles.json'));
		if (!this.findByName(MANAGEMENT_ROLE)) {
			this.store.set('management-api-access', {
				tenantId: TENANT_ID,
				id: 'management-api-access',
				name: MANAGEMENT_ROLE,
				description: 'Access to the Logto Management API.',
				type: 'MachineToMachine',
				isDefault: false,
			});
		}
	}

	list(): Role[] {
		return this.store.values();
	}

	get(id: string): Role | undefined {
		return this.store.get(id);
	}

	findByName(name: string): Role | undefined {
		return this.store.find((r) => r.name === name);
	}

	create(body: RoleCreate): Role {
		const name = body.name.trim();
		if (!name) throw new ApplicationError(400, 'guard.invalid_input', 'The role name is empty.');
		if (this.findByName(name)) throw new ApplicationError(422, 'role.name_in_use', `This role name ${name} is already in use`);
		const role: Role = {
			tenantId: TENANT_ID,
			id: standardId(),
			name,
			description: body.description,
			type: body.type ?? 'User',
			isDefault: body.isDefault ?? false,
		};
		this.store.set(role.id, role);
		return role;
	}

	/** A user role by name, created when missing (seeds). */
	ensure(name: string, description: string, isDefault: boolean): Role {
		return this.findByName(name) ?? this.create({ name, description, isDefault, type: 'User' });
	}

	/** Names of the user roles every new account gets. */
	defaultRoleNames(): string[] {
		return this.store.values().filter((r) => r.isDefault && r.type === 'User').map((r) => r.name);
	}
}
