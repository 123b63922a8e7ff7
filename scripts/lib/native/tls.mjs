// A local certificate authority made at first start with Debian's mkcert (never installed in
// any trust store), and a certificate for 127.0.0.1 and localhost signed by it. Whoever must
// trust the site is given exactly this CA (Node: NODE_EXTRA_CA_CERTS; WordPress: its bundle)
// or this certificate's key (Chromium: --ignore-certificate-errors-spki-list).
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { needs } from './system-user.mjs';

/**
 * @param {string} dir  where the CA and the certificate live
 * @returns {{ caFile: string, certFile: string, keyFile: string, spki: string }}
 */
export function ensureCertificate(dir) {
	const caRoot = join(dir, 'ca');
	const certFile = join(dir, 'localhost.pem');
	const keyFile = join(dir, 'localhost-key.pem');
	mkdirSync(caRoot, { recursive: true });
	if (!existsSync(certFile) || !existsSync(keyFile)) {
		needs('mkcert', 'mkcert');
		execFileSync('mkcert', ['-cert-file', certFile, '-key-file', keyFile, '127.0.0.1', 'localhost', '::1'], {
			env: { ...process.env, CAROOT: caRoot, TRUST_STORES: 'none' },
			stdio: 'pipe',
		});
	}
	const publicKey = new X509Certificate(readFileSync(certFile)).publicKey.export({ type: 'spki', format: 'der' });
	return { caFile: join(caRoot, 'rootCA.pem'), certFile, keyFile, spki: createHash('sha256').update(publicKey).digest('base64') };
}

/**
 * For a script that itself calls the native stack over https: makes the CA, and when this
 * process does not trust it yet, runs the script again with NODE_EXTRA_CA_CERTS (Node reads it
 * only at start) and exits with that run's code. Returns the certificate once trusted.
 *
 * @param {string} dir
 */
export async function runTrustingLocalCa(dir) {
	const tls = ensureCertificate(dir);
	if (process.env.NODE_EXTRA_CA_CERTS === tls.caFile) return tls;
	const { spawn } = await import('node:child_process');
	const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: tls.caFile } });
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	const code = await new Promise((resolve) => child.on('exit', (c, s) => resolve(c ?? (s ? 1 : 0))));
	process.exit(code);
}
