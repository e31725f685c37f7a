import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const outside = (...folders) => folders.flatMap((folder) => [`**/${folder}/**`, `$lib/${folder}/**`, `$lib/${folder}`]);

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', 'data/', 'data-demo/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: { parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } }
	},
	{
		// Config files and test-runner hooks need the default export their tools look for.
		files: ['*.config.{js,ts}', 'tests/e2e/support/global-*.ts', '**/*.d.ts'],
		rules: { 'no-restricted-syntax': 'off' }
	},
	{
		// The domain is pure and shared: no I/O, no browser or Node APIs, nothing from outer layers.
		files: ['src/lib/domain/**/*.ts'],
		languageOptions: { globals: {} },
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['../*', '$lib/*', '$app/*', '**/server/**'], message: 'src/lib/domain imports nothing outside itself.' },
						{ group: ['node:*', 'dexie', 'nano', 'fastify', 'fs', 'path', 'http', 'crypto'], message: 'src/lib/domain does no I/O.' }
					]
				}
			],
			'no-restricted-globals': ['error', 'fetch', 'indexedDB', 'localStorage', 'sessionStorage', 'window', 'document', 'navigator', 'process', 'crypto', 'XMLHttpRequest', 'WebSocket', 'setTimeout', 'setInterval']
		}
	},
	{
		// The wire protocol depends on the domain and nothing else.
		files: ['src/lib/protocol/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: [...outside('db', 'sync', 'ui', 'crypto', 'session'), '**/server/**', '$app/*', 'node:*', 'dexie', 'nano'], message: 'src/lib/protocol depends only on the domain.' }] }
			]
		}
	},
	{
		// The device code never reaches into the server, and the server never into device code.
		files: ['src/**/*.{ts,svelte}'],
		ignores: ['src/lib/domain/**', 'src/lib/protocol/**'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', 'nano', 'fastify', 'node:*'], message: 'The app does not import server code.' }] }]
		}
	},
	{
		// The merge is shared with the server: pure, like the domain.
		files: ['src/lib/sync/merge/**/*.ts', 'src/lib/sync/schedule/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: [...outside('db', 'ui', 'crypto', 'session'), '**/server/**', '$app/*', 'node:*', 'dexie', 'nano'], message: 'The merge and schedule are pure: domain and protocol only.' }] }
			],
			'no-restricted-globals': ['error', 'fetch', 'indexedDB', 'localStorage', 'window', 'document', 'navigator', 'process']
		}
	},
	{
		files: ['server/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['**/src/lib/db/**', '**/src/lib/sync/*', '!**/src/lib/sync/merge', '**/src/lib/ui/**', '**/src/lib/session/**', '**/src/routes/**', 'dexie'], message: 'The server shares only src/lib/domain, src/lib/protocol and the pure merge in src/lib/sync/merge.' }] }
			]
		}
	}
);
