// The page worker's entry: checks and seals a streamed pull's pages off the page's thread.
import { pageWorker, type ToPageWorker } from './page-worker-core.js';

const scope = globalThis as unknown as {
	postMessage(message: unknown, transfer: Transferable[]): void;
	onmessage: ((event: MessageEvent<ToPageWorker>) => void) | null;
};
const handle = pageWorker((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => handle(event.data);
