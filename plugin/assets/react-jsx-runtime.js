/**
 * The `react-jsx-runtime` script handle for WordPress 6.5, which predates it (6.6 added it).
 * Bundles built by current @wordpress/scripts import react/jsx-runtime from this global.
 */
( function ( React ) {
	'use strict';
	function jsx( type, props, key ) {
		// createElement keeps props.children when no children arguments are passed.
		return React.createElement( type, key === undefined ? props : Object.assign( {}, props, { key: key } ) );
	}
	window.ReactJSXRuntime = { jsx: jsx, jsxs: jsx, Fragment: React.Fragment };
} )( window.React );
