import { useState } from '@wordpress/element';

import { StepError, useSetupStep, type Credentials, type Planned } from './api';

/**
 * One wizard step's state: its preview (the changes it would make), its result once applied,
 * and its error. Applying a plan that overwrites something needs `confirm`.
 */
export function useStep< T extends Planned >( step: string, credentials: Credentials ) {
	const setupStep = useSetupStep();
	const [ busy, setBusy ] = useState( false );
	const [ error, setError ] = useState< string | null >( null );
	const [ plan, setPlan ] = useState< T | null >( null );
	const [ result, setResult ] = useState< T | null >( null );

	const call = async ( data: Record< string, unknown >, apply: boolean, confirm = false ) => {
		setBusy( true );
		setError( null );
		try {
			const answer = await setupStep< T >( step, credentials, { ...data, apply, confirm } );
			if ( apply ) setResult( answer );
			else {
				setPlan( answer );
				setResult( null );
			}
			return answer;
		} catch ( e ) {
			setError( ( e as StepError ).message );
			return null;
		} finally {
			setBusy( false );
		}
	};

	return {
		busy,
		error,
		plan,
		result,
		/** The changes it would make, applying nothing. */
		preview: ( data: Record< string, unknown > = {} ) => call( data, false ),
		apply: ( data: Record< string, unknown > = {}, confirm = false ) => call( data, true, confirm ),
		/** Whether the plan overwrites or replaces something, so applying it needs a confirmation. */
		needsConfirmation: Boolean( plan?.changes.some( ( c ) => c.replaces ) ),
	};
}
