import { randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';

import type { Account, AccountClaims, FindAccount } from 'oidc-provider';
import { z } from 'zod';

import { readJsonFile } from './config.js';
import { toE164, toLogtoDigits } from '@logto-bridge/contract';
import { JsonFileStore } from './store.js';

export type User = {
	id: string;
	/** E.164, e.g. +8613800138000 */
	phone: string | null;
	username: string | null;
	email: string | null;
	emailVerified: boolean;
	name: string | null;
	picture: string | null;
	roles: string[];
	/** scrypt$<salt hex>$<hash hex> */
	passwordHash: string | null;
	createdAt: number;
};

const seedUserSchema = z.object({
	id: z.string().min(1).optional(),
	phone: z.string().optional(),
	username: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'username: letters, digits and _').optional(),
	password: z.string().min(8).optional(),
	email: z.email().optional(),
	name: z.string().optional(),
	roles: z.array(z.string()).default([]),
});

export function hashPassword(password: string): string {
	const salt = randomBytes(16);
	return `scrypt$${salt.toString('hex')}$${scryptSync(password, salt, 32).toString('hex')}`;
}

function verifyPassword(password: string, stored: string | null): boolean {
	const [scheme, saltHex, hashHex] = (stored ?? '').split('$');
	if (scheme !== 'scrypt' || !saltHex || !hashHex) {
		// Burn comparable time so unknown users and users without passwords look alike.
		scryptSync(password, 'no-user', 32);
		return false;
	}
	const expected = Buffer.from(hashHex, 'hex');
	const actual = scryptSync(password, Buffer.from(saltHex, 'hex'), expected.length);
	return timingSafeEqual(actual, expected);
}

export class Accounts {
	private readonly store: JsonFileStore<User>;

	constructor(dataDir: string, private readonly defaultRegion: string) {
		this.store = new JsonFileStore<User>(join(dataDir, 'users.json'));
	}

	/** Creates the users of a seed file that do not exist yet (matched by id, phone or username). */
	seed(file: string, defaultRoles: string[] = []): void {
		const parsed = z.array(seedUserSchema).safeParse(readJsonFile(file));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new Error(`${file}: users[${String(issue?.path.join('.'))}]: ${issue?.message}`);
		}
		for (const seed of parsed.data) {
			const phone = seed.phone ? toE164(seed.phone, this.defaultRegion) : null;
			if (seed.phone && !phone) throw new Error(`${file}: "${seed.phone}" is not a valid phone number`);
			if ((seed.id && this.get(seed.id)) || (phone && this.findByPhone(phone)) || (seed.username && this.findByUsername(seed.username))) {
				continue;
			}
			this.create({
				id: seed.id,
				phone,
				username: seed.username ?? null,
				email: seed.email ?? null,
				emailVerified: Boolean(seed.email),
				name: seed.name ?? null,
				roles: [...new Set([...seed.roles, ...defaultRoles])],
				passwordHash: seed.password ? hashPassword(seed.password) : null,
			});
		}
	}

	get(id: string): User | undefined {
		return this.store.get(id);
	}

	/** Every user, oldest first (Logto lists them by creation). */
	list(): User[] {
		return this.store.values().sort((a, b) => a.createdAt - b.createdAt);
	}

	findByPhone(e164: string): User | undefined {
		return this.store.values().find((u) => u.phone === e164);
	}

	findByUsername(username: string): User | undefined {
		const wanted = username.toLowerCase();
		return this.store.values().find((u) => u.username?.toLowerCase() === wanted || u.email?.toLowerCase() === wanted);
	}

	create(fields: Partial<User> & Pick<User, 'phone'>): User {
		const user: User = {
			id: fields.id ?? randomUUID().replace(/-/g, '').slice(0, 12),
			phone: fields.phone,
			username: fields.username ?? null,
			email: fields.email ?? null,
			emailVerified: fields.emailVerified ?? false,
			name: fields.name ?? null,
			picture: fields.picture ?? null,
			roles: fields.roles ?? [],
			passwordHash: fields.passwordHash ?? null,
			createdAt: Date.now(),
		};
		this.store.set(user.id, user);
		return user;
	}

	/** Sets fields of a user (a username, a password hash, a phone number) Logto asked for. */
	update(id: string, fields: Partial<Pick<User, 'username' | 'passwordHash' | 'phone'>>): User | undefined {
		const user = this.get(id);
		if (!user) return undefined;
		const next = { ...user, ...fields };
		this.store.set(id, next);
		return next;
	}

	/** Replaces a user's role names (the `roles` claim). */
	setRoles(id: string, roles: string[]): void {
		const user = this.get(id);
		if (user) this.store.set(id, { ...user, roles });
	}

	/** The user whose username (or email) and password match, or undefined. */
	authenticate(username: string, password: string): User | undefined {
		const user = this.findByUsername(username);
		return verifyPassword(password, user?.passwordHash ?? null) ? user : undefined;
	}

	/** oidc-provider's findAccount: claims named and shaped as Logto's (null for unset values). */
	findAccount: FindAccount = async (_ctx, sub) => {
		const user = this.get(sub);
		if (!user) return undefined;
		const account: Account = {
			accountId: user.id,
			async claims(use: string): Promise<AccountClaims> {
				return {
					// An extended claim: like a Logto tenant with its ID token toggle off, in userinfo only.
					...(use === 'userinfo' ? { custom_data: {} } : {}),
					sub: user.id,
					name: user.name,
					username: user.username,
					picture: user.picture,
					email: user.email,
					// As Logto: `Boolean(primaryEmail)`, "present", not "verified" (its source: LOG-4165).
					// A Console or Management API edit sets any email without verification.
					email_verified: Boolean(user.email),
					phone_number: user.phone ? toLogtoDigits(user.phone) : null,
					phone_number_verified: Boolean(user.phone),
					roles: user.roles,
					updated_at: Math.floor(user.createdAt / 1000),
					created_at: user.createdAt,
				} as AccountClaims;
			},
		};
		return account;
	};
}
