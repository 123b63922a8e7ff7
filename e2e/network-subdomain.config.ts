import { nativeSuiteConfig } from './support/native-suite-config';

// npm run test:network:subdomain: a WordPress multisite network on subdomains (localhost,
// b.localhost, c.localhost: Chromium resolves *.localhost to loopback), each site with its own
// cookies, native runtime only. Its own stack and ports (SUBDOMAIN_*).
export default nativeSuiteConfig( { dir: 'network-subdomain', script: 'test:network:subdomain' } );
