import { __ } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { Disabled, PanelBody, SelectControl, TextControl } from '@wordpress/components';
import ServerSideRender from '@wordpress/server-side-render';
import type { BlockEditProps } from '@wordpress/blocks';

import type { SignInAttributes } from './index';

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< SignInAttributes > ) {
	const { label, mode, redirectTo } = attributes;
	return (
		<>
			<InspectorControls>
				<PanelBody title={ __( 'Sign-in settings', 'logto-bridge' ) }>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Button label', 'logto-bridge' ) }
						value={ label }
						placeholder={ __( 'Sign in with Logto', 'logto-bridge' ) }
						onChange={ ( value ) => setAttributes( { label: value } ) }
					/>
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Mode', 'logto-bridge' ) }
						value={ mode }
						options={ [
							{ label: __( 'Button only', 'logto-bridge' ), value: 'buttons' },
							{ label: __( 'Phone number + button', 'logto-bridge' ), value: 'phone' },
						] }
						onChange={ ( value ) =>
							setAttributes( { mode: value as SignInAttributes[ 'mode' ] } )
						}
					/>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __( 'Redirect after sign-in', 'logto-bridge' ) }
						help={ __( 'A page on this site. Empty: back to the page with the block.', 'logto-bridge' ) }
						value={ redirectTo }
						onChange={ ( value ) => setAttributes( { redirectTo: value } ) }
					/>
				</PanelBody>
			</InspectorControls>
			{ /* The form as visitors get it, from the same PHP renderer as wp-login.php. */ }
			<div { ...useBlockProps() }>
				<Disabled>
					<ServerSideRender block="logto-bridge/sign-in" attributes={ attributes } />
				</Disabled>
			</div>
		</>
	);
}
