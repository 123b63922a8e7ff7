// Extends wp-scripts' config: block.json discovery for the block, plus the settings app entry.
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: () => ( {
		...( typeof defaultConfig.entry === 'function' ? defaultConfig.entry() : defaultConfig.entry ),
		'settings/index': './src/settings/index.tsx',
	} ),
};
