import type { CapacitorConfig } from '@capacitor/cli';

// The native shell around the web build in dist/. The app ID's reverse-domain name is also the
// custom URL scheme Logto redirects back to: io.logto.wordpress://callback (register it on the
// Logto Native app, and as the deep-link scheme in the Android and iOS projects).
const config: CapacitorConfig = {
	appId: 'io.logto.wordpress',
	appName: 'WordPress',
	webDir: 'dist',
};

export default config;
