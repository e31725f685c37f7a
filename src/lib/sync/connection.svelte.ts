/** Whether the browser believes it has a network. The sync state says whether the server answered. */
class ConnectionState {
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);

	listen(): () => void {
		const update = () => (this.online = navigator.onLine);
		window.addEventListener('online', update);
		window.addEventListener('offline', update);
		update();
		return () => {
			window.removeEventListener('online', update);
			window.removeEventListener('offline', update);
		};
	}
}

export const connection = new ConnectionState();
