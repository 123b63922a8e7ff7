import type { Response } from 'express';

/**
 * 303 to `url`, with no body and not cached. Lighter than res.redirect(), which negotiates
 * and renders an HTML body no browser shows. `url` is always built by us (URL objects,
 * encoded parameters); Node refuses CR/LF in it.
 */
export function seeOther(res: Response, url: string): void {
	res.statusCode = 303;
	res.setHeader('Location', url);
	res.setHeader('Cache-Control', 'no-store');
	res.setHeader('Content-Length', '0');
	res.end();
}
