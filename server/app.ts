import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAppShell } from './http/app-shell.js';
import { requireAccessOnApiRoutes } from './http/define-route.js';
import { registerErrorHandler } from './http/error-handler.js';
import { registerSameOrigin } from './http/same-origin.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { accessReviewRoutes } from './routes/access-review-routes.js';
import { allocationRoutes } from './routes/allocation-routes.js';
import { caseRoutes } from './routes/case-routes.js';
import { deviceRoutes } from './routes/device-routes.js';
import { establishmentRoutes } from './routes/establishment-routes.js';
import { feedbackRoutes } from './routes/feedback-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { invitationRoutes } from './routes/invitation-routes.js';
import { oversightRoutes } from './routes/oversight-routes.js';
import { practiceRoutes } from './routes/practice-routes.js';
import { policyRoutes } from './routes/policy-routes.js';
import { paperSettingsRoutes } from './routes/paper-settings-routes.js';
import { referralInboxRoutes } from './routes/referral-inbox-routes.js';
import { referralRoutes } from './routes/referral-routes.js';
import { reportRoutes } from './routes/report-routes.js';
import { retentionRoutes } from './routes/retention-routes.js';
import { secondFactorRoutes } from './routes/second-factor-routes.js';
import { sessionRoutes } from './routes/session-routes.js';
import { subjectAccessRoutes } from './routes/subject-access-routes.js';
import { syncRoutes } from './routes/sync-routes.js';
import { templateRoutes } from './routes/template-routes.js';
import { userRoutes } from './routes/user-routes.js';
import type { Services } from './services/services.js';

export interface AppOptions {
	services: Services;
	appDir: string;
	logger?: boolean;
	/** See Config.trustProxy. */
	trustProxy?: string | false;
}

/** Builds the HTTP app in boot order: external plugins, then app services, then routes. */
export async function buildApp({ services, appDir, logger = false, trustProxy = false }: AppOptions): Promise<FastifyInstance> {
	const app = Fastify({
		logger: logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers.authorization'] } : false,
		bodyLimit: 256 * 1024,
		trustProxy
	});
	// The library's compressible types, plus the streamed pull's newline-separated JSON.
	const compressible = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|\/x-ndjson(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)/u;
	await app.register(fastifyCompress, { global: true, threshold: 1024, customTypes: compressible });
	await app.register(fastifyCookie);
	registerErrorHandler(app);
	registerSecurityHeaders(app);
	registerSameOrigin(app);
	requireAccessOnApiRoutes(app);
	healthRoutes(app, services);
	sessionRoutes(app, services);
	caseRoutes(app, services);
	oversightRoutes(app, services);
	deviceRoutes(app, services);
	userRoutes(app, services);
	secondFactorRoutes(app, services);
	referralRoutes(app, services);
	feedbackRoutes(app, services);
	referralInboxRoutes(app, services);
	allocationRoutes(app, services);
	reportRoutes(app, services);
	retentionRoutes(app, services);
	practiceRoutes(app, services);
	paperSettingsRoutes(app, services);
	syncRoutes(app, services);
	subjectAccessRoutes(app, services);
	invitationRoutes(app, services);
	establishmentRoutes(app, services);
	templateRoutes(app, services);
	policyRoutes(app, services);
	accessReviewRoutes(app, services);
	await registerAppShell(app, appDir);
	return app;
}
