import type { HandleClientError } from '@sveltejs/kit';

/** The one place the app turns an unexpected failure into words for a person. */
export const handleError: HandleClientError = ({ error, status }) => {
	console.error(error);
	return {
		message: status === 404 ? 'This page does not exist.' : 'Something went wrong. Your saved work is safe on this device.',
		code: status === 404 ? 'not-found' : 'unexpected'
	};
};
