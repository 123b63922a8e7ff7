import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { bridgeServerBlock, deployedBridgeBlock } from '../lib/native/nginx.mjs';

const options = { port: 3100, upstreams: [3102, 3103], certFile: '/tls/cert.pem', keyFile: '/tls/key.pem' };

test('the native runtime serves the bridge with deploy/’s block, its marked values set', () => {
	const block = bridgeServerBlock(options);
	assert.match(block, /upstream logto_bridge \{\n\t# .*\n\tserver 127\.0\.0\.1:3102; # upstream\n\tserver 127\.0\.0\.1:3103; # upstream\n\}/);
	assert.match(block, /^\tlisten 127\.0\.0\.1:3100 ssl; # listen$/m);
	assert.match(block, /^\tssl_certificate \/tls\/cert\.pem; # certificate$/m);
	assert.match(block, /^\tssl_certificate_key \/tls\/key\.pem; # certificate key$/m);
	assert.doesNotMatch(block, /example\.com|letsencrypt/, 'no example value is left');
	assert.match(block, /proxy_set_header X-Forwarded-Proto https;/);
});

test('a block that lost a marked line is refused by name, not served half-configured', () => {
	const source = readFileSync(deployedBridgeBlock, 'utf8').replace(/ # certificate key$/m, '');
	assert.throws(() => bridgeServerBlock({ ...options, source }), /has no line marked "# certificate key"/);
});
