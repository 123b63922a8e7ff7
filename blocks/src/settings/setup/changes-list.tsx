import { CheckboxControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { Change } from './api';

const show = ( value: unknown ) => ( value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify( value ) );

type Props = {
	changes: Change[];
	confirmed: boolean;
	onConfirm: ( confirmed: boolean ) => void;
};

/** What a step will change in Logto; an overwrite is marked and must be confirmed first. */
export default function ChangesList( { changes, confirmed, onConfirm }: Props ) {
	if ( changes.length === 0 ) {
		return <p className="logto-bridge-setup__nothing">{ __( 'Logto already has this: nothing to change.', 'logto-bridge' ) }</p>;
	}
	const overwrites = changes.some( ( c ) => c.replaces );
	return (
		<>
			<ul className="logto-bridge-setup__changes" aria-label={ __( 'Changes in Logto', 'logto-bridge' ) }>
				{ changes.map( ( c, i ) => (
					<li key={ i } className={ c.replaces ? 'is-overwrite' : undefined }>
						<code>{ c.field }</code>: { c.from === null || c.from === undefined ? __( 'add', 'logto-bridge' ) : show( c.from ) } → { show( c.to ) }
						{ c.replaces && <strong> { __( '(replaces what Logto has)', 'logto-bridge' ) }</strong> }
					</li>
				) ) }
			</ul>
			{ overwrites && (
				<CheckboxControl
					__nextHasNoMarginBottom
					label={ __( 'I confirm: replace what Logto has', 'logto-bridge' ) }
					checked={ confirmed }
					onChange={ onConfirm }
				/>
			) }
		</>
	);
}
