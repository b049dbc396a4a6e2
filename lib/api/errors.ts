// The API's errors: an HTTP status and a stable code, answered as
// `{ "error": { "code", "message" } }`. Clients branch on `code`; the
// message is for people and may change.
export const API_ERRORS = {
  missing_token: 401,
  malformed_token: 401,
  invalid_token: 401,
  token_revoked: 401,
  token_expired: 401,
  missing_scope: 403,
  token_owner_not_organizer: 403,
  event_not_found: 404,
  not_found: 404,
  invalid_query: 400,
  rate_limited: 429,
  internal_error: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERRORS;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = API_ERRORS[code];
  }
}

export function errorBody(code: ApiErrorCode, message: string) {
  return { error: { code, message } };
}
