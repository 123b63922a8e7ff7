import setup from '../../fixtures/setup.json' with { type: 'json' };

/** The setup wizard's steps as WordPress's REST routes name them (fixtures/setup.json). */
export const SETUP_STEPS = setup.steps;
/** The steps the bridge runs against Logto's Management API (finish is WordPress's own). */
export const BRIDGE_SETUP_STEPS = setup.bridgeSteps as Array<'connect' | 'application' | 'sms' | 'sms-test' | 'sign-in' | 'roles' | 'api'>;
/** The bridge's setup error codes. */
export type SetupErrorCode = keyof typeof setup.errors;
/** The HTTP status the bridge answers a setup error with. */
export const setupErrorStatus = (code: SetupErrorCode): number => setup.errors[code].status;
