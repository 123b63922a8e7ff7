// The wizard's steps, each one call from WordPress: read what Logto has, work out the changes,
// and apply them only when asked (and, for an overwrite or a replacement, confirmed). One file
// per step under steps/, their shared helpers in steps/shared.ts.
export { connect } from './steps/connect.js';
export { application } from './steps/application.js';
export { smsConnector, smsTest } from './steps/sms.js';
export { phoneSignIn } from './steps/phone-sign-in.js';
export { roles } from './steps/roles.js';
export { apiResource } from './steps/api-resource.js';
