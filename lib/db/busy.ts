// The database had no room for a transaction in time: Prisma's P2028, raised
// when no pool connection frees up within maxWait, or when the transaction
// outlives its timeout and is rolled back. Either way none of it was written,
// so a form can say "not saved, try again" and keep what the user typed.
export function isDatabaseBusy(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2028";
}

export const BUSY_MESSAGE = "The server is very busy right now and did not save this. Nothing was changed: please try again in a moment.";
