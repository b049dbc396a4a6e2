// What an API token may read. A token has one or more scopes; each route
// names the one it needs. `personal` adds personal data (speakers' email,
// company, location) to whatever the other scopes show.
export const API_SCOPES = ["proposals", "speakers", "reviews", "personal"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  proposals: "Proposals (submissions)",
  speakers: "Speakers (names, biographies)",
  reviews: "Reviews and scores",
  personal: "Personal data (email, company, location)",
};

export function parseScopes(stored: string): Set<ApiScope> {
  return new Set(stored.split(",").filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)));
}

export function storeScopes(scopes: readonly ApiScope[]): string {
  return API_SCOPES.filter((s) => scopes.includes(s)).join(",");
}
