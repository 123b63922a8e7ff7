import { Notice, RadioControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { Asked, ProfileField, SignInParts, SignInResult, SignUpChoice } from './api';
import ChangesList from './changes-list';

const fieldName = ( f: ProfileField ) =>
	( {
		username: __( 'a username', 'logto-bridge' ),
		password: __( 'a password', 'logto-bridge' ),
		email: __( 'an email address', 'logto-bridge' ),
		phone: __( 'a phone number', 'logto-bridge' ),
		emailOrPhone: __( 'an email address or a phone number', 'logto-bridge' ),
	} )[ f ];

const list = ( fields: ProfileField[] ) => fields.map( fieldName ).join( __( ' and ', 'logto-bridge' ) );

/** What a new visitor who types a phone number meets, in words. */
export const askedText = ( asked: Asked ) => {
	if ( asked === null ) return __( 'cannot sign up with a phone number.', 'logto-bridge' );
	if ( asked.length === 0 ) return __( 'types the number and the SMS code; nothing else is asked.', 'logto-bridge' );
	/* translators: %s: e.g. "a username and a password". */
	return sprintf( __( 'types the number and the SMS code, and is then asked for %s.', 'logto-bridge' ), list( asked ) );
};

const methods = ( parts: SignInParts ) =>
	parts.signIn.methods.map( ( m ) => `${ m.identifier } (${ [ m.password && __( 'password', 'logto-bridge' ), m.verificationCode && __( 'code', 'logto-bridge' ) ].filter( Boolean ).join( ', ' ) })` ).join( '; ' );

const NOTES = {
	username_sign_up_ends: __( 'Nobody can sign up with a username any more; people who have one still sign in with it.', 'logto-bridge' ),
	no_password_at_sign_up: __( 'New accounts no longer set a password when they sign up; passwords set before keep working.', 'logto-bridge' ),
	email_code_sign_in: __( 'People who sign in with email may also use a code sent by email (Logto requires it once sign-up asks no password; it needs an email connector).', 'logto-bridge' ),
	registration_opened: __( 'New visitors may create accounts (Logto was set to sign-in only).', 'logto-bridge' ),
};

/** Who of today's people would be asked for something new at their next sign-in. */
function existingText( { existing }: SignUpChoice ) {
	if ( existing.count === 0 ) return __( 'Everyone who signs in today signs in as before.', 'logto-bridge' );
	if ( existing.exact && existing.count === 1 ) {
		/* translators: %s: e.g. "a phone number". */
		return sprintf( __( '1 person in Logto will be asked for %s at their next sign-in.', 'logto-bridge' ), list( existing.fields ) );
	}
	const text = existing.exact
		? /* translators: 1: number of people, 2: e.g. "a phone number". */ __( '%1$d people in Logto will be asked for %2$s at their next sign-in.', 'logto-bridge' )
		: /* translators: 1: number of people, 2: e.g. "a phone number". */ __( 'At least %1$d people in Logto will be asked for %2$s at their next sign-in.', 'logto-bridge' );
	return sprintf( text, existing.count, list( existing.fields ) );
}

/** One choice in words: what a new phone visitor meets, who else is affected, and what changes. */
function Consequences( { choice }: { choice: SignUpChoice } ) {
	return (
		<ul className="logto-bridge-setup__consequences">
			<li>{ __( 'A new visitor who types a phone number', 'logto-bridge' ) } { askedText( choice.newPhone ) }</li>
			<li>{ existingText( choice ) }</li>
			{ choice.notes.map( ( n ) => <li key={ n }>{ NOTES[ n ] }</li> ) }
		</ul>
	);
}

type Props = { plan: SignInResult; choice: SignUpChoice[ 'id' ] | null; onChoose: ( id: SignUpChoice[ 'id' ] ) => void; confirmed: boolean; onConfirm: ( c: boolean ) => void };

/** The phone step's plan: now and after, in words; a choice when no change satisfies everyone. */
export default function SignUpPlan( { plan, choice, onChoose, confirmed, onConfirm }: Props ) {
	const chosen = plan.choices.find( ( c ) => c.id === choice );
	const label = ( c: SignUpChoice ) =>
		c.id === 'code_only' ? __( 'The number and the code are enough (recommended)', 'logto-bridge' ) : __( 'Keep today’s sign-up; phone visitors are asked what everyone is asked', 'logto-bridge' );
	return (
		<>
			<dl className="logto-bridge-setup__before-after">
				<dt>{ __( 'Now', 'logto-bridge' ) }</dt>
				<dd>
					{ __( 'A new visitor who types a phone number', 'logto-bridge' ) } { askedText( plan.newPhoneNow ) } { __( 'Sign-in:', 'logto-bridge' ) } { methods( plan.before ) }.
				</dd>
				{ chosen && (
					<>
						<dt>{ __( 'After', 'logto-bridge' ) }</dt>
						<dd>
							{ __( 'Sign-in:', 'logto-bridge' ) } { methods( chosen.after ) }.
						</dd>
					</>
				) }
			</dl>
			{ plan.choices.length > 1 && ! plan.satisfiesBoth && (
				<>
					<Notice status="warning" isDismissible={ false }>
						{ __( 'No change lets new phone visitors in with the code alone while everyone of today signs in exactly as before. Choose:', 'logto-bridge' ) }
					</Notice>
					<RadioControl
						label={ __( 'How new phone visitors sign up', 'logto-bridge' ) }
						selected={ choice ?? undefined }
						options={ plan.choices.map( ( c ) => ( { value: c.id, label: label( c ) } ) ) }
						onChange={ ( v ) => onChoose( v as SignUpChoice[ 'id' ] ) }
					/>
					{ plan.choices.map( ( c ) => (
						<div key={ c.id } className="logto-bridge-setup__choice">
							<strong>{ label( c ) }</strong>
							<Consequences choice={ c } />
						</div>
					) ) }
				</>
			) }
			{ chosen && ( plan.choices.length === 1 || plan.satisfiesBoth ) && <Consequences choice={ chosen } /> }
			{ chosen && <ChangesList changes={ chosen.changes } confirmed={ confirmed } onConfirm={ onConfirm } /> }
		</>
	);
}
