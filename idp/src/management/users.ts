import { toLogtoDigits } from '@logto-bridge/contract';

import type { User } from '../accounts.js';
import type { UserListItem } from './logto-types.js';

/** A user as Logto's GET /api/users lists it (phone as digits without "+", as Logto stores it). */
export function userListItem(user: User): UserListItem {
	return {
		id: user.id,
		username: user.username,
		primaryEmail: user.email,
		primaryPhone: user.phone ? toLogtoDigits(user.phone) : null,
		name: user.name,
		avatar: user.picture,
		customData: {},
		identities: {},
		lastSignInAt: null,
		createdAt: user.createdAt,
		updatedAt: user.createdAt,
		profile: {},
		applicationId: null,
		isSuspended: false,
		hasPassword: Boolean(user.passwordHash),
	} as UserListItem;
}
