import type { FastifyInstance } from 'fastify';
import { reportQuerySchema } from '../../src/lib/protocol/reports.js';
import { OFFICE } from '../auth/access-policy.js';
import { defineRoute } from '../http/define-route.js';
import { reportCsv, reportFileName } from '../services/report-csv.js';
import type { Services } from '../services/services.js';

/** The office's reports: counts only, so coordinators and administrators both may read them. */
export function reportRoutes(app: FastifyInstance, services: Services): void {
	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/reports',
		query: reportQuerySchema,
		handler: ({ query }) => services.reports.report(query)
	});

	defineRoute(app, services, OFFICE, {
		method: 'GET',
		url: '/api/reports.csv',
		query: reportQuerySchema,
		async handler({ query, reply }) {
			const csv = reportCsv(await services.reports.report(query));
			// The byte order mark lets spreadsheet programs read the file as UTF-8.
			return reply
				.header('content-type', 'text/csv; charset=utf-8')
				.header('content-disposition', `attachment; filename="${reportFileName(query)}"`)
				.header('cache-control', 'no-store')
				.send(`\uFEFF${csv}`);
		}
	});
}
