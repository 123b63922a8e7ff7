import { Button, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/** A read-only value the admin pastes into the Logto Console, with a copy button. */
export default function CopyField( { label, value, help }: { label: string; value: string; help: string } ) {
	const [ copied, setCopied ] = useState( false );
	return (
		<div className="logto-bridge-settings__copy">
			<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ label } value={ value } help={ help } readOnly onChange={ () => {} } />
			<Button
				variant="secondary"
				disabled={ ! value }
				aria-label={
					/* translators: %s: the field label, e.g. Redirect URI. */
					sprintf( __( 'Copy %s', 'logto-bridge' ), label )
				}
				onClick={ () => {
					void navigator.clipboard?.writeText( value ).then( () => {
						setCopied( true );
						setTimeout( () => setCopied( false ), 2000 );
					} );
				} }
			>
				{ copied ? __( 'Copied', 'logto-bridge' ) : __( 'Copy', 'logto-bridge' ) }
			</Button>
		</div>
	);
}
