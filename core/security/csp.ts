/**
 * The page's Content-Security-Policy, for every transport that serves the renderer (Electron's
 * app:// protocol, the test server, the preview server). Nothing may load or connect outside the
 * page's own origin. renderer/index.html carries the same policy in a meta tag, minus
 * frame-ancestors, which browsers ignore there.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');
