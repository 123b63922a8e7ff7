import { appRegistration } from '@logto-bridge/contract';
import type { ClientMetadata } from 'oidc-provider';
import { z } from 'zod';

import { readJsonFile } from './config.js';

const url = z.url();

/** A Logto "Traditional web" application, as the seed file describes it. */
const clientSchema = z.object({
	client_id: z.string().min(1),
	client_secret: z.string().min(16, 'client_secret: at least 16 characters'),
	client_name: z.string().optional(),
	redirect_uris: z.array(url).min(1),
	post_logout_redirect_uris: z.array(url).default([]),
	backchannel_logout_uri: url.optional(),
	backchannel_logout_session_required: z.boolean().optional(),
	token_endpoint_auth_method: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
});

/** The WordPress app of a local stack on its default ports (bridge 3000, WordPress 8888). */
const localWordPressApp = () =>
	appRegistration({
		id: 'wordpress-local',
		secret: 'local-dev-secret-not-for-production',
		name: 'WordPress (local)',
		bridgeUrl: 'http://127.0.0.1:3000',
		extraPostLogoutUris: ['http://127.0.0.1:8888/'],
	});

/** Reads the clients seed file; a bad entry stops the start with its position and field. */
export function loadClients(file: string | undefined): ClientMetadata[] {
	const parsed = z
		.array(clientSchema)
		.min(1)
		.safeParse(file ? readJsonFile(file) : [localWordPressApp()]);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`${file ?? 'default clients'}: clients[${String(issue?.path.join('.'))}]: ${issue?.message}`);
	}
	return parsed.data.map((c) => ({
		...c,
		grant_types: ['authorization_code', 'refresh_token'],
		response_types: ['code'],
	}));
}
