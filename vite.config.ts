import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { offlineShellTransform } from './scripts/shell-precache.js';

const apiTarget = `http://127.0.0.1:${process.env.PORT ?? '3000'}`;

export default defineConfig({
	plugins: [sveltekit(), SvelteKitPWA({
			// 'prompt': a waiting worker never takes over by itself; the app asks first.
			registerType: 'prompt',
			injectRegister: false,
			strategies: 'generateSW',
			kit: { spa: true, adapterFallback: 'index.html' },
			integration: {
				// Runs after the SvelteKit plugin's own transform, which turns build paths into URLs.
				beforeBuildServiceWorker(options) {
					options.workbox.manifestTransforms = [...(options.workbox.manifestTransforms ?? []), offlineShellTransform('.svelte-kit')];
				}
			},
			manifest: {
				name: 'Tandem — restorative justice casework',
				short_name: 'Tandem',
				description: 'Offline-first casework for restorative justice services',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'any',
				background_color: '#f7f5f0',
				theme_color: '#1f5f5b',
				lang: 'en-GB',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{ src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
					{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
				]
			},
			workbox: {
				navigateFallbackDenylist: [/^\/api\//],
				cleanupOutdatedCaches: true,
				// The first install controls the open page at once, so it is offline-ready without a reload.
				clientsClaim: true,
				skipWaiting: false,
				// Background Sync: the worker asks an open, unlocked page to run a round (see docs/sync.md).
				importScripts: ['/background-sync.js'],
				// Not precached (office screens, public forms, icons): kept once fetched. Built files never
				// change under a name, as the name holds their hash, so the cached copy is always right.
				runtimeCaching: [
					{
						urlPattern: /\/_app\/immutable\//,
						handler: 'CacheFirst',
						options: { cacheName: 'tandem-built-files', expiration: { maxEntries: 300, maxAgeSeconds: 60 * 60 * 24 * 90 } }
					},
					{ urlPattern: /\/icons\//, handler: 'CacheFirst', options: { cacheName: 'tandem-icons' } }
				]
			}
		})],
	server: { proxy: { '/api': apiTarget } },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.spec.ts', 'server/**/*.spec.ts', 'scripts/**/*.spec.ts'],
					environment: 'node',
					setupFiles: ['fake-indexeddb/auto']
				}
			},
			{
				extends: true,
				test: {
					name: 'server',
					include: ['tests/server/**/*.test.ts', 'tests/chaos/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
