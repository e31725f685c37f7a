import type { FastifyInstance } from 'fastify';

/**
 * Headers on every answer. The page's script policy comes from SvelteKit's CSP (hashes, no
 * inline scripts) in the page itself; this adds what a meta tag cannot carry.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
	app.addHook('onSend', async (request, reply, payload) => {
		reply.header('X-Content-Type-Options', 'nosniff');
		reply.header('Referrer-Policy', 'no-referrer');
		reply.header('X-Frame-Options', 'DENY');
		reply.header('Cross-Origin-Opener-Policy', 'same-origin');
		reply.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
		if (request.url.startsWith('/api/')) {
			reply.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
			reply.header('Cache-Control', 'no-store');
		} else {
			reply.header('Content-Security-Policy', "frame-ancestors 'none'");
		}
		if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=31536000');
		return payload;
	});
}
