import type { LaunchOptions } from '@playwright/test';

// Debian's Chromium, never a downloaded browser. The flags keep it off the network
// (this machine has none) and fit running as root in CI.
export const chromiumLaunchOptions: LaunchOptions = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	headless: true,
	args: [
		'--headless',
		'--no-sandbox',
		'--disable-gpu',
		'--disable-quic',
		'--no-first-run',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		// The native runtime's https: this certificate's key only, nothing broader.
		...( process.env.E2E_TLS_SPKI ? [ `--ignore-certificate-errors-spki-list=${ process.env.E2E_TLS_SPKI }` ] : [] ),
	],
};
