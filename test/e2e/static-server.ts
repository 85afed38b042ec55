// The end-to-end tests serve the built renderer the way the CLI's plan printer does.
export { serveRenderer, type StaticServer } from '../../core/security/static-server.ts';
