import { Card, CardBody, CardHeader, __experimentalHeading as Heading, SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { FIRST_SCREENS } from '@logto-bridge/contract/logto-params';

import type { DraftFields } from '../draft-fields';
import type { ExtraParams, Settings } from '../types';

/** What wp-login.php shows, the scopes, Logto's extra params and where visitors land. */
export default function SignIn( { fields }: { fields: DraftFields } ) {
	const { draft, fieldErrors, set, text, toggle } = fields;
	const extra = ( draft.extra_params ?? {} ) as ExtraParams;
	const setExtra = ( key: keyof ExtraParams, value: string ) => set( 'extra_params', { ...extra, [ key ]: value } );
	return (
	<Card>
		<CardHeader><Heading level={ 2 }>{ __( 'Sign-in', 'logto-bridge' ) }</Heading></CardHeader>
		<CardBody>
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'wp-login.php shows', 'logto-bridge' ) }
				value={ draft.login_mode }
				options={ [
					{ value: 'buttons', label: __( 'A “Sign in with Logto” button above the WordPress form', 'logto-bridge' ) },
					{ value: 'phone', label: __( 'A phone number field (SMS code) above the WordPress form', 'logto-bridge' ) },
					{ value: 'redirect', label: __( 'Nothing: go straight to Logto', 'logto-bridge' ) },
				] }
				onChange={ ( v ) => set( 'login_mode', v as Settings[ 'login_mode' ] ) }
				help={ fieldErrors.login_mode }
			/>
			{ toggle( 'allow_password', __( 'Allow the WordPress password form', 'logto-bridge' ), __( 'When off, administrators can still use wp-login.php?logto_break_glass=1 if Logto is down.', 'logto-bridge' ) ) }
			{ text( 'scopes', __( 'Scopes', 'logto-bridge' ) ) }
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'First screen', 'logto-bridge' ) }
				value={ extra.first_screen ?? '' }
				options={ [ '', ...FIRST_SCREENS ].map( ( v ) => ( { value: v, label: v || __( 'Logto default', 'logto-bridge' ) } ) ) }
				onChange={ ( v ) => setExtra( 'first_screen', v ) }
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Identifiers', 'logto-bridge' ) }
				value={ extra.identifier ?? '' }
				onChange={ ( v ) => setExtra( 'identifier', v ) }
				help={ fieldErrors.extra_params ? <span className="logto-bridge-settings__error">{ fieldErrors.extra_params }</span> : __( 'Space-separated: username email phone', 'logto-bridge' ) }
			/>
			<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Direct sign-in', 'logto-bridge' ) } value={ extra.direct_sign_in ?? '' } onChange={ ( v ) => setExtra( 'direct_sign_in', v ) } help={ __( 'social:<target> or sso:<connector ID>', 'logto-bridge' ) } />
			<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Organization ID', 'logto-bridge' ) } value={ extra.organization_id ?? '' } onChange={ ( v ) => setExtra( 'organization_id', v ) } />
			{ text( 'redirect_after', __( 'Redirect after sign-in', 'logto-bridge' ), __( 'A page of this site; empty: the dashboard or the page the visitor came from.', 'logto-bridge' ) ) }
		</CardBody>
	</Card>
	);
}
