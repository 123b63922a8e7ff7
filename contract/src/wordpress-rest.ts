import wordpressRest from '../../fixtures/wordpress-rest.json' with { type: 'json' };

/** The plugin's REST namespace, as in `/wp-json/logto-bridge/v1/...` (fixtures/wordpress-rest.json). */
export const WP_REST_NAMESPACE = wordpressRest.namespace;
/** The plugin's REST routes other parts call, relative to the namespace. */
export const WP_REST_ROUTES = wordpressRest.routes;
/** A route's REST path, e.g. `/logto-bridge/v1/site-config`: what a signature covers. */
export const wpRestPath = (route: keyof typeof WP_REST_ROUTES) => `/${WP_REST_NAMESPACE}/${WP_REST_ROUTES[route]}`;
