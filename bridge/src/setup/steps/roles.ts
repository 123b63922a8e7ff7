import { call, type LogtoAccess } from '../management-session.js';
import type { Change } from '../plans.js';
import { session, type Apply } from './shared.js';

/** Step 4: Logto roles for the WordPress roles picked; existing ones are used as they are. */
export async function roles(access: LogtoAccess, input: { roles: Array<{ name: string; description: string; isDefault?: boolean | undefined }> } & Apply) {
	const s = await session(access);
	const existing = await call(s.endpoint, s.client.GET('/api/roles'));
	const result: Array<{ name: string; id: string | null; created: boolean }> = [];
	for (const wanted of input.roles) {
		const found = existing.find((r) => r.name === wanted.name);
		if (found) result.push({ name: found.name, id: found.id, created: false });
		else if (!input.apply) result.push({ name: wanted.name, id: null, created: false });
		else {
			const role = await call(s.endpoint, s.client.POST('/api/roles', { body: { name: wanted.name, description: wanted.description, type: 'User', isDefault: wanted.isDefault ?? false } }));
			result.push({ name: role.name, id: role.id, created: true });
		}
	}
	const changes: Change[] = result.filter((r) => !r.id || r.created).map((r) => ({ field: 'role', from: null, to: r.name, replaces: false }));
	return { roles: result, changes, applied: changes.length > 0 && input.apply };
}
