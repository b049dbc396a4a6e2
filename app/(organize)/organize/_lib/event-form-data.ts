// The event form posts flat names ("sessionTypes.0.name"); eventInput wants
// nested arrays.
import { rowsFromForm } from "@/lib/forms/rows";

const ROW_FIELDS = {
  sessionTypes: ["id", "name", "durationMinutes"],
  tracks: ["id", "name"],
} as const;

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
    sessionTypes: rowsFromForm(formData, "sessionTypes", ROW_FIELDS.sessionTypes),
    tracks: rowsFromForm(formData, "tracks", ROW_FIELDS.tracks),
  };
}
