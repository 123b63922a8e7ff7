export { errorCodesFrom, SIGN_IN_ERROR_CODES, type SignInErrorCode } from './error-codes.js';
export { appRegistration, appRegistrationUris, ROUTES, type AppRegistrationUris } from './bridge-routes.js';
export { isToken, SIGN_IN_LIFETIME_SECONDS, TOKEN_BYTES, TOKEN_PATTERN } from './token-format.js';
export { formatInternational, maskPhone, phoneFirstParams, toE164, toLogtoDigits } from './phone.js';
export { mandatoryProfile, missingProfile, phoneMaySignUp, type Asked, type ProfileField, type SignUpChoice, type SignUpNote, type ProfileHas, type SignInMode, type SignUpIdentifier, type SignUpSettings } from './logto-sign-up.js';
export { API_SCOPE_NAMES, API_SCOPES, APP_ROLE } from './api-access.js';
export { BRIDGE_SETUP_STEPS, SETUP_STEPS, setupErrorStatus, type SetupErrorCode } from './setup.js';
export { WP_REST_NAMESPACE, WP_REST_ROUTES, wpRestPath } from './wordpress-rest.js';
export { isTicketPayload, type TicketPayload } from './ticket-payload.js';
