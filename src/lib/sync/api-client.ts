import type { ApiErrorBody } from '../protocol/errors.js';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: ApiErrorBody };

const offlineError = (): ApiErrorBody => ({
	error: 'store-unavailable',
	message: 'The server cannot be reached. Your work stays on this device until the connection is back.'
});

/** Calls the Tandem API. Never throws: a network failure is an answer with status 0. */
export async function callApi<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
	let response: Response;
	try {
		response = await fetch(path, {
			method,
			credentials: 'same-origin',
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
	} catch {
		return { ok: false, status: 0, error: offlineError() };
	}
	if (response.status === 204) return { ok: true, value: undefined as T };
	const payload: unknown = await response.json().catch(() => undefined);
	if (response.ok) return { ok: true, value: payload as T };
	const error =
		payload && typeof payload === 'object' && 'error' in payload
			? (payload as ApiErrorBody)
			: { error: 'internal' as const, message: `The server answered ${response.status}.` };
	return { ok: false, status: response.status, error };
}
