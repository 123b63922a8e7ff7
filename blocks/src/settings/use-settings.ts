import apiFetch from '@wordpress/api-fetch';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import type { FieldErrors, Settings, SettingsUpdate } from './types';
import { WP_REST_NAMESPACE, WP_REST_ROUTES } from '@logto-bridge/contract/wordpress-rest';

/** This site's settings, or on Network Admin > Logto the network's. */
const pathFor = ( network: boolean ) => `/${ WP_REST_NAMESPACE }/${ network ? WP_REST_ROUTES.networkSettings : WP_REST_ROUTES.settings }`;

type RestError = { code?: string; message?: string; data?: { fields?: FieldErrors } };

/** Loads and saves the settings over REST (apiFetch adds the REST nonce). */
export function useSettings( network: boolean ) {
	const PATH = pathFor( network );
	const [ settings, setSettings ] = useState< Settings | null >( null );
	const [ loadError, setLoadError ] = useState< string | null >( null );
	const [ saving, setSaving ] = useState( false );
	const [ fieldErrors, setFieldErrors ] = useState< FieldErrors >( {} );

	const reload = useCallback( () => {
		apiFetch< Settings >( { path: PATH } ).then( setSettings, ( error: RestError ) =>
			setLoadError( error.message ?? __( 'The settings could not be loaded.', 'logto-bridge' ) )
		);
	}, [ PATH ] );
	useEffect( reload, [ reload ] );

	const save = useCallback( async ( update: SettingsUpdate ): Promise< { ok: boolean; message: string } > => {
		setSaving( true );
		setFieldErrors( {} );
		try {
			const saved = await apiFetch< Settings >( { path: PATH, method: 'POST', data: update } );
			setSettings( saved );
			return { ok: true, message: __( 'Settings saved.', 'logto-bridge' ) };
		} catch ( e ) {
			const error = e as RestError;
			setFieldErrors( error.data?.fields ?? {} );
			return { ok: false, message: error.message ?? __( 'The settings could not be saved.', 'logto-bridge' ) };
		} finally {
			setSaving( false );
		}
	}, [ PATH ] );

	return { settings, loadError, saving, fieldErrors, save, reload };
}
