import { nativeSuiteConfig } from './support/native-suite-config';

// npm run test:many-sites: two WordPress sites on one bridge (BRIDGE_SITES_FILE), native runtime
// only. Its own stack and ports (SITES_*), so the main e2e stack, the fault suite and a running
// `npm start` are left alone.
export default nativeSuiteConfig( { dir: 'many-sites', script: 'test:many-sites' } );
