import { Card, CardBody, CardHeader, __experimentalHeading as Heading, Button, Notice, SelectControl, TextControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { DraftFields } from '../draft-fields';
import type { RoleMappingRow } from '../types';

/** Who gets an account, how existing accounts are linked, and the role mapping. */
export default function Users( { fields }: { fields: DraftFields } ) {
	const { settings, draft, fieldErrors, set, toggle } = fields;
	const mapping = ( draft.role_mapping ?? [] ) as RoleMappingRow[];
	const setRow = ( i: number, row: RoleMappingRow ) => set( 'role_mapping', mapping.map( ( r, j ) => ( j === i ? row : r ) ) );
	const roleOptions = settings.available_roles;
	return (
	<Card>
		<CardHeader><Heading level={ 2 }>{ __( 'Users', 'logto-bridge' ) }</Heading></CardHeader>
		<CardBody>
			{ toggle( 'create_users', __( 'Create WordPress users for new Logto accounts', 'logto-bridge' ) ) }
			<SelectControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Role of new users', 'logto-bridge' ) }
				value={ draft.default_role }
				options={ roleOptions.filter( ( r ) => r.value !== 'administrator' ) }
				onChange={ ( v ) => set( 'default_role', v ) }
				help={ fieldErrors.default_role }
			/>
			{ toggle( 'link_by_email', __( 'Link existing users by email, with their confirmation', 'logto-bridge' ), __( 'Logto’s “email verified” only means an email is present (an admin can set any address in Logto Console), so a match links nothing by itself: WordPress emails the existing account a link that works once, for 30 minutes, and only its click links the two.', 'logto-bridge' ) ) }
			{ toggle( 'link_by_phone', __( 'Link existing users by phone number, with their confirmation', 'logto-bridge' ), __( 'Only users who already have a Logto phone (user meta logto_phone; today that means users imported with it). They confirm by the same email link; an account without an email cannot be linked this way.', 'logto-bridge' ) ) }
			{ toggle( 'link_confirm_password', __( 'Also let visitors confirm with the existing account’s password', 'logto-bridge' ), draft.allow_password
				? __( 'The visitor may type that account’s WordPress password instead of clicking the emailed link: one attempt per sign-in, and failures count as failed logins. Accounts without an email address can then be linked too. Only while the WordPress password form is allowed.', 'logto-bridge' )
				: __( 'Has no effect while the WordPress password form is off: a password then proves nothing on this site.', 'logto-bridge' ) ) }
			{ toggle( 'allow_admin_linking', __( 'Also link administrator accounts', 'logto-bridge' ), __( 'Off by default: a Logto account never takes over an administrator by email or phone alone.', 'logto-bridge' ) ) }
			{ toggle( 'sync_profile', __( 'Update name, email and phone from Logto at each sign-in', 'logto-bridge' ) ) }
			<Heading level={ 3 }>{ __( 'Role mapping', 'logto-bridge' ) }</Heading>
			<p className="description">{ __( 'With at least one row, roles follow Logto: at each sign-in a user’s roles become exactly the mapped roles of their Logto roles, or the role of new users when none maps.', 'logto-bridge' ) }</p>
			{ fieldErrors.role_mapping && <Notice status="error" isDismissible={ false }>{ fieldErrors.role_mapping }</Notice> }
			{ mapping.map( ( row, i ) => (
				<div className="logto-bridge-settings__row" key={ i }>
					<TextControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'Logto role', 'logto-bridge' ) } value={ row.logto_role } onChange={ ( v ) => setRow( i, { ...row, logto_role: v } ) } />
					<SelectControl __nextHasNoMarginBottom __next40pxDefaultSize label={ __( 'WordPress role', 'logto-bridge' ) } value={ row.wp_role } options={ [ { value: '', label: '—' }, ...roleOptions ] } onChange={ ( v ) => setRow( i, { ...row, wp_role: v } ) } />
					<Button variant="tertiary" isDestructive onClick={ () => set( 'role_mapping', mapping.filter( ( _r, j ) => j !== i ) ) }>{ __( 'Remove', 'logto-bridge' ) }</Button>
				</div>
			) ) }
			<Button variant="secondary" onClick={ () => set( 'role_mapping', [ ...mapping, { logto_role: '', wp_role: '' } ] ) }>{ __( 'Add role mapping', 'logto-bridge' ) }</Button>
			{ toggle( 'manage_admins', __( 'Logto also manages administrators', 'logto-bridge' ), __( 'Off by default: administrators keep their role whatever their Logto roles say, so a change in Logto cannot lock the site’s owners out.', 'logto-bridge' ) ) }
		</CardBody>
	</Card>
	);
}
