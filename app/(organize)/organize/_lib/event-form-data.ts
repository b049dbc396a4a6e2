// The event form posts flat names ("sessionTypes.0.name"); eventInput wants
// nested arrays. These helpers translate in both directions.

const ROW_FIELDS = {
  sessionTypes: ["id", "name", "durationMinutes"],
  tracks: ["id", "name"],
} as const;

function rowsOf(formData: FormData, list: keyof typeof ROW_FIELDS) {
  const allowed: readonly string[] = ROW_FIELDS[list];
  const rows = new Map<number, Record<string, string>>();
  const pattern = new RegExp(`^${list}\\.(\\d{1,2})\\.([A-Za-z]+)$`);
  for (const [key, value] of formData.entries()) {
    const m = pattern.exec(key);
    if (!m || typeof value !== "string" || !allowed.includes(m[2])) continue;
    const index = Number(m[1]);
    rows.set(index, { ...rows.get(index), [m[2]]: value });
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => ({ ...row, name: row.name ?? "", id: row.id || undefined }));
}

/** The nested object eventInput parses, rebuilt from the posted form. */
export function eventInputFromForm(formData: FormData) {
  const field = (name: string) => {
    const v = formData.get(name);
    return typeof v === "string" ? v : "";
  };
  return {
    name: field("name"),
    slug: field("slug"),
    description: field("description"),
    timeZone: field("timeZone"),
    cfpOpensAt: field("cfpOpensAt"),
    cfpClosesAt: field("cfpClosesAt"),
    sessionTypes: rowsOf(formData, "sessionTypes"),
    tracks: rowsOf(formData, "tracks"),
  };
}
