import { Button, CheckboxControl, Notice, SelectControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Credentials, RolesResult } from './api';
import { useStep } from './use-step';

type Props = {
	credentials: Credentials;
	/** WordPress roles that may be given through Logto (administrator is not offered). */
	roles: Array< { value: string; label: string } >;
	onDone: ( result: RolesResult ) => void;
};

/** Step 4 (optional): Logto roles named wordpress:<role>, and the role mapping rows for them. */
export default function RolesStep( { credentials, roles, onDone }: Props ) {
	const [ picked, setPicked ] = useState< string[] >( [] );
	const [ defaultRole, setDefaultRole ] = useState( '' );
	const step = useStep< RolesResult >( 'roles', credentials );
	const toggle = ( role: string, on: boolean ) => setPicked( ( p ) => ( on ? [ ...p, role ] : p.filter( ( r ) => r !== role ) ) );
	const create = async () => {
		const result = await step.apply( { roles: picked.map( ( wp_role ) => ( { wp_role, is_default: wp_role === defaultRole } ) ) } );
		if ( result ) onDone( result );
	};
	return (
		<section className="logto-bridge-setup__step" aria-labelledby="logto-setup-roles">
			<h3 id="logto-setup-roles">{ __( '4. Roles (optional)', 'logto-bridge' ) }</h3>
			<p className="description">{ __( 'Creates a Logto role per WordPress role picked, named wordpress:<role>, and maps it below. Assign these roles to users in Logto; at each sign-in their WordPress role follows.', 'logto-bridge' ) }</p>
			{ roles.map( ( role ) => (
				<CheckboxControl key={ role.value } __nextHasNoMarginBottom label={ sprintf( '%s (wordpress:%s)', role.label, role.value ) } checked={ picked.includes( role.value ) } onChange={ ( on ) => toggle( role.value, on ) } />
			) ) }
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Role every new Logto account gets', 'logto-bridge' ) }
				value={ defaultRole }
				options={ [ { value: '', label: __( 'None', 'logto-bridge' ) }, ...roles.filter( ( r ) => picked.includes( r.value ) ) ] }
				onChange={ setDefaultRole }
			/>
			{ step.error && <Notice status="error" isDismissible={ false }>{ step.error }</Notice> }
			{ step.result ? (
				<Notice status="success" isDismissible={ false }>
					{ step.result.roles.map( ( r ) => ( r.created ? sprintf( /* translators: %s: role name. */ __( 'Created %s.', 'logto-bridge' ), r.name ) : sprintf( /* translators: %s: role name. */ __( '%s was there already.', 'logto-bridge' ), r.name ) ) ).join( ' ' ) }{ ' ' }
					{ __( 'The role mapping below has a row for each.', 'logto-bridge' ) }
					<ul className="logto-bridge-setup__mapping">
						{ ( step.result.mapping_changes ?? [] ).map( ( c, i ) => (
							<li key={ i }>
								{ c.action === 'added' && sprintf( /* translators: 1: Logto role, 2: WordPress role. */ __( 'Added: %1$s → %2$s.', 'logto-bridge' ), c.logto_role, c.wp_role ) }
								{ c.action === 'replaced' && sprintf( /* translators: 1: Logto role, 2: old WordPress role, 3: new WordPress role. */ __( 'Replaced: %1$s mapped to %2$s, now %3$s.', 'logto-bridge' ), c.logto_role, c.was ?? '', c.wp_role ) }
								{ c.action === 'also' && sprintf( /* translators: 1: Logto role, 2: WordPress role. */ __( 'Kept: %1$s also maps to %2$s (remove it below if it should not).', 'logto-bridge' ), c.logto_role, c.wp_role ) }
							</li>
						) ) }
					</ul>
				</Notice>
			) : (
				<Button variant="secondary" onClick={ create } isBusy={ step.busy } disabled={ step.busy || picked.length === 0 }>{ __( 'Create the roles', 'logto-bridge' ) }</Button>
			) }
		</section>
	);
}
