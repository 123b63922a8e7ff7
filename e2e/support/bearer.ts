import { request } from '@playwright/test';

import { wpUrl } from './wordpress';

/** A request to WordPress with `Authorization: Bearer <token>` (none when null): its status, headers and JSON body. */
export async function bearerRequest( token: string | null, path: string, init: { method?: string; data?: unknown } = {} ) {
	const ctx = await request.newContext( { baseURL: wpUrl(), extraHTTPHeaders: token ? { authorization: `Bearer ${ token }` } : {} } );
	const res = await ctx.fetch( path, { method: init.method ?? 'GET', data: init.data } );
	const out = { status: res.status(), headers: res.headers(), body: ( await res.json().catch( () => null ) ) as Record< string, unknown > | null };
	await ctx.dispose();
	return out;
}
