// The WordPress app in the local identity provider, registered as an admin would in Logto.
// The URIs come from the contract (fixtures/bridge-routes.json), loaded through tsx so that
// plain node (npm start) and the test runner read the same TypeScript.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { tsImport } from 'tsx/esm/api';

const { appRegistration } = await tsImport('@logto-bridge/contract', import.meta.url);

/**
 * Writes the idp's clients file for this stack and returns its path.
 *
 * @param {string} dataDir
 * @param {{ appId: string, appSecret: string }} secrets
 * @param {{ bridge: string, wordpress: string }} urls
 */
export function writeIdpClients(dataDir, secrets, urls) {
	const file = join(dataDir, 'idp-clients.json');
	const app = appRegistration({ id: secrets.appId, secret: secrets.appSecret, name: 'WordPress (local)', bridgeUrl: urls.bridge, extraPostLogoutUris: [`${urls.wordpress}/`] });
	writeFileSync(file, JSON.stringify([app], null, '\t'));
	return file;
}
