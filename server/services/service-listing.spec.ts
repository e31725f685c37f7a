import { describe, expect, it } from 'vitest';
import { serviceListing } from './service-listing.js';

describe("a process's listing of the service-wide records", () => {
	it('is reused for at most its time to live, then listed again', () => {
		const listing = serviceListing<string[]>(5_000);
		const first = listing.fresh(0);
		expect(first.value).toBeUndefined();
		listing.keep(['establishment:a'], first.token, 0);
		expect(listing.fresh(4_999).value).toEqual(['establishment:a']);
		expect(listing.fresh(5_000).value).toBeUndefined();
	});

	it('is dropped when this process writes a service-wide record, so the next pull lists the new one', () => {
		const listing = serviceListing<string[]>(5_000);
		listing.keep(['establishment:a'], listing.fresh(0).token, 0);
		listing.forget();
		expect(listing.fresh(1).value).toBeUndefined();
	});

	it('does not keep a listing that began before a write and ended after it', () => {
		const listing = serviceListing<string[]>(5_000);
		const started = listing.fresh(0);
		listing.forget();
		listing.keep(['establishment:a'], started.token, 10);
		expect(listing.fresh(20).value).toBeUndefined();
	});
});
