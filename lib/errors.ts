// Expected failures of domain operations. Actions map them to messages;
// anything else is a bug and reaches error.tsx.

export class DomainError extends Error {
  constructor(
    readonly code: "not_found" | "forbidden" | "conflict" | "cfp_closed" | "invalid" | "unauthenticated" | "rate_limited",
    message: string,
    /** Messages for individual fields, keyed like zod paths ("scores.abc"). */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/** Also used when the caller may not know the thing exists: reveals nothing. */
export const notFound = (what = "This item") => new DomainError("not_found", `${what} was not found.`);
export const forbidden = (message = "You are not allowed to do that.") => new DomainError("forbidden", message);
export const conflict = (message: string) => new DomainError("conflict", message);
export const cfpClosed = () => new DomainError("cfp_closed", "The call for papers is closed.");
export const unauthenticated = () => new DomainError("unauthenticated", "Please sign in first.");
export const rateLimited = (message: string) => new DomainError("rate_limited", message);
export const invalid = (message: string, fields?: Record<string, string>) => new DomainError("invalid", message, fields);

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
