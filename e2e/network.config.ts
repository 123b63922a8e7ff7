import { nativeSuiteConfig } from './support/native-suite-config';

// npm run test:network: a WordPress multisite network (subdirectory: /, /b/, /c/) with the plugin
// network-activated, native runtime only. Its own stack and ports (NETWORK_*), so the main e2e
// stack, the fault suite and a running `npm start` are left alone.
export default nativeSuiteConfig( { dir: 'network', script: 'test:network' } );
