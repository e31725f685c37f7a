import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
	it('uses the embedded store on port 3000 when nothing is set', () => {
		const config = loadConfig({});
		expect(config).toMatchObject({ port: 3000, couchUrl: undefined, dbPrefix: 'tandem', demo: false });
	});

	it('names PORT when it is not a number', () => {
		expect(() => loadConfig({ PORT: 'eighty' })).toThrowError(/PORT: PORT must be a port number/);
	});

	it('names COUCHDB_URL when it is not a URL', () => {
		expect(() => loadConfig({ COUCHDB_URL: 'couch on the shelf' })).toThrowError(ConfigError);
		expect(() => loadConfig({ COUCHDB_URL: 'couch on the shelf' })).toThrowError(/COUCHDB_URL/);
	});

	it('turns on the demo with --demo', () => {
		expect(loadConfig({}, ['--demo']).demo).toBe(true);
	});
});
