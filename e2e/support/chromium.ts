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
	],
};
