import { z } from 'zod';

// Request bodies as Logto's koaGuard checks them, for the routes this idp serves.
// Logto accepts web URLs and custom-scheme (mobile) URIs here.
export const uri = z.string().regex(/^([a-z][a-z0-9+.-]*):\/\/?\S+$/i, 'must be an absolute URI');
export const oidcClientMetadata = z.object({
	redirectUris: z.array(uri),
	postLogoutRedirectUris: z.array(uri),
	backchannelLogoutUri: z.url().optional(),
	backchannelLogoutSessionRequired: z.boolean().optional(),
	logoUri: z.string().optional(),
});
export const applicationCreate = z.object({
	name: z.string().min(1),
	description: z.string().nullable().optional(),
	type: z.enum(['Native', 'SPA', 'Traditional', 'MachineToMachine', 'Protected', 'SAML']),
	oidcClientMetadata: oidcClientMetadata.optional(),
	customClientMetadata: z.record(z.string(), z.unknown()).optional(),
	customData: z.record(z.string(), z.unknown()).optional(),
	isThirdParty: z.boolean().optional(),
});
export const applicationPatch = applicationCreate.omit({ type: true }).partial();
export const method = z.object({ identifier: z.enum(['username', 'email', 'phone']), password: z.boolean(), verificationCode: z.boolean(), isPasswordPrimary: z.boolean() });
export const signInExpPatch = z.object({
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
export const connectorCreate = z.object({ connectorId: z.string().min(1), config: z.record(z.string(), z.unknown()).optional(), metadata: z.record(z.string(), z.unknown()).optional(), id: z.string().optional() });
export const connectorPatch = z.object({ config: z.record(z.string(), z.unknown()).optional(), metadata: z.record(z.string(), z.unknown()).optional() });
export const connectorTest = z.object({ phone: z.string().optional(), email: z.string().optional(), config: z.record(z.string(), z.unknown()), locale: z.string().optional() });
export const roleCreate = z.object({ name: z.string().min(1), description: z.string().min(1), type: z.enum(['User', 'MachineToMachine']).optional(), isDefault: z.boolean().optional() });
export const userRoles = z.object({ roleIds: z.array(z.string().min(1)).min(1) });
export const resourceCreate = z.object({ name: z.string().min(1).max(128), indicator: z.url() });
export const scopeCreate = z.object({ name: z.string().min(1).max(256).regex(/^\S+$/, 'no spaces'), description: z.string().nullable().optional() });
export const roleScopes = z.object({ scopeIds: z.array(z.string().min(1)).min(1) });
