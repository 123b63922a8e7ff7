import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { join } from 'node:path';

import { stackPorts } from '../../scripts/lib/ports.mjs';
import { e2eDataDir, runtimeFromEnv, startStack } from '../../scripts/lib/stack.mjs';
import { saveAdminState, wpUrl } from './wordpress';

// Starts a fresh stack on its own ports (so a running `npm start` is left alone) and
// returns the teardown that stops it.
export default async function globalSetup() {
	rmSync( e2eDataDir, { recursive: true, force: true } );
	const port = Number( new URL( wpUrl() ).port );
	const stack = await startStack( {
		runtime: runtimeFromEnv(),
		tlsDir: process.env.E2E_TLS_DIR,
		dataDir: e2eDataDir,
		ports: stackPorts( 'E2E_', { wordpress: port, bridge: 3100, idp: 3101 } ),
		fresh: true,
		// One browser signs in far more often than a visitor would; the limit has a test of its own.
		bridgeEnv: { SIGN_IN_RATE_LIMIT: '100000' },
		// Every test visitor asks for codes from 127.0.0.1: far more than one network would in an hour.
		idpEnv: { IDP_SMS_PER_IP_PER_HOUR: '100000' },
		wpMounts: [ [ fileURLToPath( new URL( '../fixtures/mu-plugins', import.meta.url ) ), '/wordpress/wp-content/mu-plugins' ] ],
	} );
	process.env.E2E_LOG_DIR = stack.logDir;
	process.env.E2E_SMS_OUTBOX = stack.smsOutbox;
	process.env.E2E_IDP_URL = stack.urls.idp;
	process.env.E2E_BRIDGE_URL = stack.urls.bridge;
	process.env.E2E_APP_ID = stack.secrets.appId;
	process.env.E2E_APP_SECRET = stack.secrets.appSecret;
	process.env.E2E_BRIDGE_SECRET = stack.secrets.bridgeSecret;
	if ( ! stack.nativeApp ) throw new Error( 'The mobile app is not built: run npm run build first.' );
	process.env.E2E_APP_URL = stack.nativeApp.url;
	process.env.E2E_NATIVE_APP_ID = stack.nativeApp.id;
	// One bridge on Playground, two instances on the native runtime.
	process.env.E2E_BRIDGE_PIDS = JSON.stringify( Object.entries( stack.pids ).filter( ( [ name ] ) => name.startsWith( 'bridge' ) ).map( ( [ , pid ] ) => pid ) );
	process.env.E2E_STACK_PIDS = JSON.stringify( stack.pids );
	process.env.E2E_WP_DIR = stack.wordpressDir;
	process.env.E2E_ADMIN_STATE = join( e2eDataDir, 'admin-state.json' );
	await saveAdminState( stack.wordpressUrl, process.env.E2E_ADMIN_STATE );
	return async () => {
		await stack.stop();
	};
}
