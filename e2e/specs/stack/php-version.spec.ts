import { expect, PHP_MATRIX, test } from '../../support/test';
import { adminRest } from '../../support/wordpress';

// The PHP matrix (WP_PHP=7.4 / 8.4 on Playground) is only worth its time if WordPress really
// runs on the PHP asked for.
test( 'WordPress runs on the PHP version WP_PHP asks for', PHP_MATRIX, async () => {
	test.skip( ! process.env.WP_PHP, 'WP_PHP is not set: Playground’s default PHP (8.3), or Debian’s on the native runtime' );
	const rest = await adminRest();
	const res = await rest.post( '/wp-json/logto-bridge-test/v1/plugin-data', { headers: { 'X-WP-Nonce': rest.nonce } } );
	const { php } = ( await res.json() ) as { php: string };
	await rest.dispose();
	expect( php.split( '.' ).slice( 0, 2 ).join( '.' ) ).toBe( process.env.WP_PHP );
} );
