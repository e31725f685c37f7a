// A single-page app: nothing is rendered on a server, so every page can open with no network.
export const ssr = false;
export const prerender = false;
