import apiFetch from '@wordpress/api-fetch';
import { Button, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { AppRegistrationUris } from '@logto-bridge/contract';
import type { ConnectionCheck as Result } from './types';

const LABELS: Record< string, string > = {
	bridge: __( 'Bridge reachable', 'logto-bridge' ),
	clock: __( 'Clocks in step', 'logto-bridge' ),
	store: __( 'Bridge session store', 'logto-bridge' ),
	wordpress: __( 'Bridge reads these settings', 'logto-bridge' ),
	discovery: __( 'Logto discovery', 'logto-bridge' ),
	jwks: __( 'Logto signing keys (JWKS)', 'logto-bridge' ),
	credentials: __( 'App ID and secret', 'logto-bridge' ),
	redirect_uri: __( 'Logto knows the redirect URI', 'logto-bridge' ),
	post_sign_out_uri: __( 'Logto knows the post sign-out URI', 'logto-bridge' ),
};

/** The URI an "Add this ... URI in Logto Console: <uri>" detail names, so the admin can copy it. */
const uriToAdd = ( detail: string ) => /Logto Console: (https?:\/\/\S+)$/.exec( detail )?.[ 1 ];

type Props = {
	/** Check once when the screen opens (when a bridge URL is set). */
	runOnMount: boolean;
	/** Receives the URIs the bridge reports it serves. */
	onUris: ( uris: AppRegistrationUris ) => void;
};

/** Runs the bridge's readiness check from the server and shows each item green or red. */
export default function ConnectionCheck( { runOnMount, onUris }: Props ) {
	const [ result, setResult ] = useState< Result | null >( null );
	const [ running, setRunning ] = useState( false );
	const run = async () => {
		setRunning( true );
		try {
			const checked = await apiFetch< Result >( { path: '/logto-bridge/v1/connection-check' } );
			setResult( checked );
			if ( checked.uris ) onUris( checked.uris );
		} catch {
			setResult( { ok: false, checks: [ { id: 'bridge', ok: false, detail: __( 'The check could not run.', 'logto-bridge' ) } ] } );
		} finally {
			setRunning( false );
		}
	};
	useEffect( () => {
		if ( runOnMount ) void run();
		// Once, when the screen opens; the button runs it again.
	}, [] );
	return (
		<div className="logto-bridge-settings__check">
			<Button variant="secondary" onClick={ run } disabled={ running }>
				{ __( 'Check connection', 'logto-bridge' ) }
			</Button>
			{ running && <Spinner /> }
			{ result && (
				<ul aria-label={ __( 'Connection check results', 'logto-bridge' ) }>
					{ result.checks.map( ( check ) => (
						<li key={ check.id } className={ check.ok ? 'is-ok' : 'is-error' }>
							<strong>
								{ check.ok ? '✓ ' : '✗ ' }
								{ LABELS[ check.id ] ?? check.id }
							</strong>
							{ ': ' }
							{ check.detail }
							{ uriToAdd( check.detail ) && (
								<Button variant="link" onClick={ () => void navigator.clipboard?.writeText( uriToAdd( check.detail )! ) }>
									{ __( 'Copy', 'logto-bridge' ) }
								</Button>
							) }
						</li>
					) ) }
				</ul>
			) }
		</div>
	);
}
