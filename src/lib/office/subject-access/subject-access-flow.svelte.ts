import type { FieldProblem } from '../../domain/validation.js';
import type { SubjectExportCounts, SubjectMatch, SubjectReviewResponse } from '../../protocol/subject-access.js';
import type { ApiResult } from '../../sync/api-client.js';
import { subjectAccessApi } from './subject-access-api.js';

export interface ReadyExport {
	counts: SubjectExportCounts;
	htmlUrl: string;
	jsonUrl: string;
	fileStem: string;
}

/** The field ids on screen for the paths the server names. */
const FIELD_IDS: Record<string, string> = { q: 'sar-q', participants: 'sar-people' };
const matchKey = (m: Pick<SubjectMatch, 'caseId' | 'participantId'>) => `${m.caseId}/${m.participantId}`;

/** Search → choose the person's records → review → produce. Each step clears the ones after it. */
export function subjectAccessFlow() {
	const state = $state({
		query: '',
		matches: undefined as SubjectMatch[] | undefined,
		chosen: [] as string[],
		review: undefined as SubjectReviewResponse | undefined,
		excluded: [] as string[],
		ready: undefined as ReadyExport | undefined,
		problems: [] as FieldProblem[],
		message: undefined as string | undefined,
		busy: false
	});

	const clearReady = () => {
		if (state.ready) for (const url of [state.ready.htmlUrl, state.ready.jsonUrl]) URL.revokeObjectURL(url);
		state.ready = undefined;
	};
	const failed = (result: Extract<ApiResult<unknown>, { ok: false }>) => {
		const fields = result.error.fields ?? [];
		state.problems = fields.map((f) => ({ path: FIELD_IDS[f.path.split('.')[0] ?? ''] ?? 'sar-people', message: f.message }));
		state.message = fields.length === 0 ? result.error.message : undefined;
	};
	async function step<T>(call: () => Promise<ApiResult<T>>, done: (value: T) => void) {
		state.problems = [];
		state.message = undefined;
		state.busy = true;
		const result = await call();
		state.busy = false;
		if (result.ok) done(result.value);
		else failed(result);
	}
	const chosenRecords = () =>
		(state.matches ?? []).filter((m) => state.chosen.includes(matchKey(m))).map((m) => ({ caseId: m.caseId, participantId: m.participantId }));

	return {
		state,
		matchKey,
		search: () =>
			step(() => subjectAccessApi.search(state.query), (value) => {
				state.matches = value.matches;
				state.chosen = [];
				state.review = undefined;
				clearReady();
			}),
		startReview() {
			if (state.chosen.length === 0) return void (state.problems = [{ path: 'sar-people', message: 'Tick at least one record of the person' }]);
			return step(() => subjectAccessApi.review({ participants: chosenRecords() }), (value) => {
				state.review = value;
				state.excluded = [];
				clearReady();
			});
		},
		isExcluded: (key: string) => state.excluded.includes(key),
		/** A change to what is left out makes any copy already produced out of date. */
		setExcluded(key: string, value: boolean) {
			state.excluded = value ? [...state.excluded.filter((k) => k !== key), key] : state.excluded.filter((k) => k !== key);
			clearReady();
		},
		produce: () =>
			step(() => subjectAccessApi.produce({ participants: chosenRecords(), exclude: state.excluded }), (value) => {
				clearReady();
				const url = (text: string, type: string) => URL.createObjectURL(new Blob([text], { type }));
				state.ready = {
					counts: value.counts,
					fileStem: value.fileStem,
					htmlUrl: url(value.html, 'text/html;charset=utf-8'),
					jsonUrl: url(JSON.stringify(value.document, null, 2), 'application/json')
				};
			}),
		dispose: clearReady
	};
}

export type SubjectAccessFlow = ReturnType<typeof subjectAccessFlow>;
