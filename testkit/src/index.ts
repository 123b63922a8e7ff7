// Helpers shared by the bridge's and the idp's tests, the benchmarks and the end-to-end tests.
export { APP, redeem, SECRET, signInByPhone, signInByPhoneAt, startStandInWordPress, startSystem, type System } from './bridge.js';
export { authorizeRequest } from './authorize.js';
export { Browser } from './browser.js';
export { startIdp, type RunningIdp } from './idp.js';
export { formAction, inputValue, lastCode } from './pages.js';
export { freePort, freePorts } from './ports.js';
export { BINDING, errorOf, signInUrl, tencentConfig, ticketOf } from './bridge-urls.js';
