import { resolve } from 'node:path';
import * as v from 'valibot';

const portSchema = (name: string) =>
	v.pipe(
		v.string(),
		v.regex(/^\d{1,5}$/, `${name} must be a port number from 0 to 65535`),
		v.transform(Number),
		v.maxValue(65535, `${name} must be a port number from 0 to 65535`)
	);

const envSchema = v.object({
	PORT: v.optional(portSchema('PORT'), '3000'),
	HOST: v.optional(v.pipe(v.string(), v.minLength(1, 'HOST must not be empty')), '127.0.0.1'),
	TANDEM_DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1, 'TANDEM_DATA_DIR must not be empty')), './data'),
	TANDEM_STORE_PORT: v.optional(portSchema('TANDEM_STORE_PORT'), '0'),
	TANDEM_DB_PREFIX: v.optional(
		v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,30}$/, 'TANDEM_DB_PREFIX must be lower-case letters, digits or _ and start with a letter')),
		'tandem'
	),
	COUCHDB_URL: v.optional(
		v.pipe(
			v.string(),
			v.url('COUCHDB_URL must be a URL like http://user:pass@host:5984'),
			v.check((url) => /^https?:$/.test(new URL(url).protocol), 'COUCHDB_URL must use http or https')
		)
	),
	TANDEM_APP_DIR: v.optional(v.string(), './build'),
	TANDEM_RETENTION_HOURS: v.optional(
		v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'TANDEM_RETENTION_HOURS must be a whole number of hours (0 turns the timer off)'), v.transform(Number)),
		'6'
	),
	TANDEM_TRUST_PROXY: v.optional(
		v.pipe(
			v.string(),
			v.regex(
				/^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/,
				"TANDEM_TRUST_PROXY must list the load balancers' addresses (or ranges like 10.0.0.0/8), separated by commas"
			)
		)
	)
});

export interface Config {
	port: number;
	host: string;
	dataDir: string;
	storePort: number;
	dbPrefix: string;
	couchUrl: string | undefined;
	appDir: string;
	demo: boolean;
	/**
	 * Which proxies to believe about the caller's address (Fastify's trustProxy): behind a load
	 * balancer, without it every request seems to come from the balancer, and the sign-in and
	 * public form limits would count the whole world as one address.
	 */
	trustProxy: string | false;
	/** How often this process runs retention; 0: never by timer (an administrator can still run it). */
	retentionHours: number;
}

export class ConfigError extends Error {}

/** Reads and checks the environment once, at boot; a bad variable stops the start with its name. */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[] = []): Config {
	const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
	const result = v.safeParse(envSchema, present, { abortPipeEarly: true });
	if (!result.success) {
		const lines = result.issues.map((issue) => `  ${issue.path?.[0]?.key ?? 'environment'}: ${issue.message}`);
		throw new ConfigError(`Tandem cannot start: the environment has a bad setting.\n${lines.join('\n')}`);
	}
	const e = result.output;
	return {
		port: e.PORT,
		host: e.HOST,
		dataDir: resolve(e.TANDEM_DATA_DIR),
		storePort: e.TANDEM_STORE_PORT,
		dbPrefix: e.TANDEM_DB_PREFIX,
		couchUrl: e.COUCHDB_URL,
		appDir: resolve(e.TANDEM_APP_DIR),
		demo: argv.includes('--demo') || env.TANDEM_DEMO === '1',
		trustProxy: e.TANDEM_TRUST_PROXY ?? false,
		retentionHours: e.TANDEM_RETENTION_HOURS
	};
}
