import { __ } from '@wordpress/i18n';
import { InspectorControls, useBlockProps } from '@wordpress/block-editor';
import { PanelBody, SelectControl, TextControl } from '@wordpress/components';
import type { BlockEditProps } from '@wordpress/blocks';

import type { SignInAttributes } from './index';

export default function Edit( {
	attributes,
	setAttributes,
}: BlockEditProps< SignInAttributes > ) {
	const { label, mode, redirectTo } = attributes;
	const buttonLabel = label || __( 'Sign in with Logto', 'logto-bridge' );
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
							{ label: __( 'Button only', 'logto-bridge' ), value: 'default' },
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
			<div { ...useBlockProps( { className: 'logto-bridge-sign-in' } ) }>
				{ mode === 'phone' && (
					<input
						type="tel"
						className="logto-bridge-sign-in__phone"
						placeholder="+1 555 123 4567"
						aria-label={ __( 'Phone number', 'logto-bridge' ) }
						disabled
					/>
				) }
				<span className="wp-element-button logto-bridge-sign-in__button">
					{ buttonLabel }
				</span>
			</div>
		</>
	);
}
