/**
 * The embedded CouchDB-compatible store, run as a child of the Tandem server.
 *
 * Invariant: nothing reaches express-pouchdb without the admin credential. Its own admin setting
 * lets anonymous requests through (and some of them crash it), so a guard of ours checks Basic
 * auth first, then strips the header so express-pouchdb treats the request as its own admin party.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Server } from 'node:http';
import express from 'express';
import expressPouchDb from 'express-pouchdb';
import PouchDB from 'pouchdb';
import { cacheDesignLookups } from './design-lookup-cache.js';
import { allDocsQueries } from './embedded-store-queries.js';
import { keepLevelStores } from './embedded-store-ranges.js';

interface StartMessage {
	type: 'start';
	dataDir: string;
	port: number;
	username: string;
	password: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function guard(username: string, password: string): express.RequestHandler {
	const expected = digest(`${username}:${password}`);
	return (req, res, next) => {
		const header = req.headers.authorization ?? '';
		const given = header.startsWith('Basic ') ? Buffer.from(header.slice(6), 'base64').toString('utf8') : '';
		if (!timingSafeEqual(digest(given), expected)) {
			res.status(401).json({ error: 'unauthorized', reason: 'The store answers only the Tandem server.' });
			return;
		}
		delete req.headers.authorization;
		delete req.headers.cookie;
		next();
	};
}

function start(message: StartMessage): Server {
	const prefix = `${join(message.dataDir, 'db')}/`;
	// Each database's LevelDB store kept, so key ranges are listed from it directly (embedded-store-ranges.ts).
	const levelStores = keepLevelStores();
	const LevelPouch = PouchDB.defaults({ prefix, db: levelStores.db });
	const app = express();
	app.disable('x-powered-by');
	app.use(guard(message.username, message.password));
	app.use(allDocsQueries(LevelPouch, (name) => levelStores.opened(prefix + name)));
	const pouchApp = expressPouchDb(LevelPouch, {
		configPath: join(message.dataDir, 'store-config.json'),
		logPath: join(message.dataDir, 'store-log.txt'),
		mode: 'fullCouchDB',
		overrideMode: {
			// Also left out, for speed: a log line per request, a walk of the data folder's size on every
			// database info (the server's health check asks for one), and gzip on loopback.
			exclude: ['routes/fauxton', 'routes/security', 'routes/replicate', 'routes/special-test-auth', 'replicator', 'routes/http-log', 'disk-size', 'compression']
		}
	});
	// Validation rules read once per database, not once per document written (design-lookup-cache.ts).
	pouchApp.dbWrapper.registerWrapper((name, db, next) => {
		cacheDesignLookups(name, db);
		next();
	});
	app.use(pouchApp);
	const server = app.listen(message.port, '127.0.0.1', () => {
		const address = server.address();
		const port = typeof address === 'object' && address ? address.port : message.port;
		process.send?.({ type: 'listening', port });
	});
	// Longer than undici's 4 s keep-alive, so the server never closes a connection the Tandem server is
	// about to reuse (which surfaced as EPIPE on a first large _bulk_docs).
	server.keepAliveTimeout = 65_000;
	server.headersTimeout = 66_000;
	server.on('error', (error) => {
		process.send?.({ type: 'failed', reason: error.message });
		process.exit(1);
	});
	return server;
}

let server: Server | undefined;

function stop(): void {
	if (!server) process.exit(0);
	server.close(() => process.exit(0));
	server.closeAllConnections();
	setTimeout(() => process.exit(0), 3000).unref();
}

process.on('message', (message: StartMessage | { type: 'stop' }) => {
	if (message.type === 'start' && !server) server = start(message);
	if (message.type === 'stop') stop();
});
// The parent owns this process: when it goes, however it goes, so do we.
process.on('disconnect', stop);
process.on('SIGINT', () => undefined);
process.on('SIGTERM', stop);
