import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { wpDir } from './wordpress';

// Written by the test mu-plugin logto-bridge-test-mailbox.php: Playground has no mail server.
const mailbox = () => join( wpDir(), 'wp-content', 'uploads', 'logto-bridge-mailbox' );

type Mail = { to: string[]; subject: string; message: string; time: number };

/** Every mail WordPress sent to `address` so far. */
export function mailsTo( address: string ): Mail[] {
	const dir = mailbox();
	return existsSync( dir ) ? readdirSync( dir ).map( ( f ) => JSON.parse( readFileSync( join( dir, f ), 'utf8' ) ) as Mail ).filter( ( m ) => m.to.includes( address ) ) : [];
}

/** The newest mail WordPress sent to `address` after `since` (ms), waiting up to 10 s for it. */
export async function lastMailTo( address: string, since: number ): Promise< Mail > {
	const deadline = Date.now() + 10_000;
	for ( ;; ) {
		const dir = mailbox();
		const mails = existsSync( dir )
			? readdirSync( dir )
					.map( ( f ) => JSON.parse( readFileSync( join( dir, f ), 'utf8' ) ) as Mail )
					.filter( ( m ) => m.to.includes( address ) && m.time * 1000 >= since )
					.sort( ( a, b ) => b.time - a.time )
			: [];
		if ( mails[ 0 ] ) return mails[ 0 ];
		if ( Date.now() > deadline ) throw new Error( `no mail to ${ address }` );
		await new Promise( ( r ) => setTimeout( r, 200 ) );
	}
}

/** The account-link confirmation URL in a mail. */
export const linkIn = ( mail: Mail ) => /https?:\/\/\S*action=logto-link\S*/.exec( mail.message )?.[ 0 ];
