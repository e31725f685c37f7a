import type { FastifyInstance } from 'fastify';
import { practiceEntryProblems, practiceEntryRequestSchema } from '../../src/lib/domain/practice-record.js';
import { practiceSettingsSchema, type PracticeSettings } from '../../src/lib/domain/practice-settings.js';
import { practiceReportQuerySchema, practiceUserParamsSchema } from '../../src/lib/protocol/practice.js';
import { ADMINISTRATOR, OFFICE } from '../auth/access-policy.js';
import { badRequest, notFound } from '../http/api-error.js';
import { defineRoute } from '../http/define-route.js';
import { practiceReportCsv, practiceReportFileName } from '../services/practice-csv.js';
import { practiceOverview, practiceRecords, practiceReportFor, serviceToday } from '../services/practice-service.js';
import type { Services } from '../services/services.js';

/** Facilitators' supervision, observation, training and accreditation: the office's, not the facilitators'. */
export function practiceRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/practice',
		handler: ({ now }) => practiceOverview(services, now)
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/practice/report',
		query: practiceReportQuerySchema,
		handler: ({ query, now }) => practiceReportFor(services, query, now)
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/practice/report.csv',
		query: practiceReportQuerySchema,
		async handler({ query, now, reply }) {
			const report = await practiceReportFor(services, query, now);
			// The byte order mark lets spreadsheet programs read the file as UTF-8.
			return reply
				.header('content-type', 'text/csv; charset=utf-8')
				.header('content-disposition', `attachment; filename="${practiceReportFileName(report)}"`)
				.header('cache-control', 'no-store')
				.send(`\uFEFF${practiceReportCsv(report)}`);
		}
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/practice/:userId',
		params: practiceUserParamsSchema,
		async handler({ params, now }) {
			const records = await practiceRecords(services, params.userId, now);
			if (!records) throw notFound();
			return records;
		}
	});

	defineRoute(app, services, OFFICE, {
		method: 'POST',
		url: '/api/practice/:userId/entries',
		params: practiceUserParamsSchema,
		body: practiceEntryRequestSchema,
		async handler({ actor, params, body, now, reply }) {
			const person = await services.accounts.findById(params.userId);
			if (!person?.roles.includes('facilitator')) throw notFound();
			const problems = practiceEntryProblems(body, serviceToday(now));
			if (problems.length > 0) throw badRequest(problems);
			await services.practice.add(params.userId, body, actor, now);
			return reply.status(201).send(await practiceRecords(services, params.userId, now));
		}
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/settings/practice',
		handler: (): Promise<PracticeSettings> => services.practice.settings()
	});

	defineRoute(app, services, ADMINISTRATOR, {
		method: 'PUT',
		url: '/api/settings/practice',
		body: practiceSettingsSchema,
		handler: ({ actor, body, now }) => services.practice.setSettings(body, actor, now)
	});
}
