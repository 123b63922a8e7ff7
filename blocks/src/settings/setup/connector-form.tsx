import { TextControl, ToggleControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { FormItem } from './api';

/** Logto's template usage types, one template each, as the seed guides configure them. */
export const USAGE_TYPES = [ 'Register', 'SignIn', 'ForgotPassword', 'Generic' ] as const;

export type ConnectorConfig = Record< string, unknown > & { templates?: Array< Record< string, string > > };

type Props = {
	items: FormItem[];
	/** Twilio templates hold the message text (`content`); Tencent's and Aliyun's a template code. */
	templateKey: 'templateCode' | 'content';
	config: ConnectorConfig;
	/** Confidential fields already stored in Logto: left blank, they keep their value. */
	stored: boolean;
	onChange: ( config: ConnectorConfig ) => void;
};

/** The fields of an SMS connector, from Logto's own form items, and one template per usage type. */
export default function ConnectorForm( { items, templateKey, config, stored, onChange }: Props ) {
	const templates = config.templates ?? [];
	const template = ( usageType: string ) => templates.find( ( t ) => t.usageType === usageType )?.[ templateKey ] ?? '';
	const setTemplate = ( usageType: string, value: string ) =>
		onChange( { ...config, templates: [ ...templates.filter( ( t ) => t.usageType !== usageType ), { usageType, [ templateKey ]: value } ] } );
	return (
		<>
			{ items
				.filter( ( item ) => item.key !== 'templates' )
				.map( ( item ) =>
					item.type === 'Switch' ? (
						<ToggleControl key={ item.key } __nextHasNoMarginBottom label={ item.label } checked={ Boolean( config[ item.key ] ) } onChange={ ( v ) => onChange( { ...config, [ item.key ]: v } ) } />
					) : (
						<TextControl
							key={ item.key }
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ item.label }
							placeholder={ item.placeholder }
							type={ item.isConfidential ? 'password' : 'text' }
							autoComplete={ item.isConfidential ? 'new-password' : 'off' }
							value={ String( config[ item.key ] ?? '' ) }
							onChange={ ( v ) => onChange( { ...config, [ item.key ]: v } ) }
							help={ item.isConfidential && stored ? __( 'Stored in Logto: leave empty to keep it.', 'logto-bridge' ) : undefined }
						/>
					)
				) }
			<fieldset className="logto-bridge-setup__templates">
				<legend>{ templateKey === 'content' ? __( 'Message text per use ({{code}} is the code)', 'logto-bridge' ) : __( 'Template code per use', 'logto-bridge' ) }</legend>
				{ USAGE_TYPES.map( ( usageType ) => (
					<TextControl
						key={ usageType }
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ sprintf( /* translators: %s: a Logto usage type, e.g. SignIn. */ __( 'Template: %s', 'logto-bridge' ), usageType ) }
						value={ template( usageType ) }
						onChange={ ( v ) => setTemplate( usageType, v ) }
					/>
				) ) }
			</fieldset>
		</>
	);
}
