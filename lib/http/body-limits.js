// Request body limits, in bytes. Plain JavaScript because next.config.js reads
// them too (server actions' bodySizeLimit); proxy.ts refuses anything larger.

/** Server actions and every other request: forms with the longest texts fit with room to spare. */
export const BODY_LIMIT = 256 * 1024;

/** next-auth's endpoints take an email address, a CSRF token and a callback path. */
export const AUTH_BODY_LIMIT = 8 * 1024;
