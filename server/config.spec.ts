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

	it('believes no proxy about addresses unless told which to trust', () => {
		expect(loadConfig({}).trustProxy).toBe(false);
		expect(loadConfig({ TANDEM_TRUST_PROXY: 'uniquelocal' }).trustProxy).toBe('uniquelocal');
		expect(loadConfig({ TANDEM_TRUST_PROXY: '10.0.0.0/8,127.0.0.1' }).trustProxy).toBe('10.0.0.0/8,127.0.0.1');
		expect(() => loadConfig({ TANDEM_TRUST_PROXY: 'yes please' })).toThrowError(/TANDEM_TRUST_PROXY/);
	});

	it('runs retention every 6 hours unless told otherwise, and names a bad TANDEM_RETENTION_HOURS', () => {
		expect(loadConfig({}).retentionHours).toBe(6);
		expect(loadConfig({ TANDEM_RETENTION_HOURS: '0' }).retentionHours).toBe(0);
		expect(() => loadConfig({ TANDEM_RETENTION_HOURS: 'daily' })).toThrowError(/TANDEM_RETENTION_HOURS/);
	});
});
