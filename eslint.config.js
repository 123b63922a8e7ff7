import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'**/node_modules/**',
			'.data/**',
			'plugin/build/**',
			'plugin/assets/**',
			'e2e/test-results/**',
			'e2e/playwright-report/**',
			'mobile/dist/**',
			'bridge/dist/**',
			'dist/**',
			'mobile/android/**',
			'mobile/ios/**',
		],
	},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [ 'error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' } ],
			eqeqeq: [ 'error', 'always' ],
			'no-console': 'off',
		},
	},
	{
		files: [ 'blocks/**/*.{ts,tsx}', 'mobile/src/**/*.ts' ],
		languageOptions: { globals: { ...globals.browser } },
	},
	{
		files: [ 'blocks/webpack.config.js' ],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		// Playwright fixtures destructure an empty object by design.
		files: [ 'e2e/**/*.ts' ],
		rules: { 'no-empty-pattern': 'off' },
	}
);
