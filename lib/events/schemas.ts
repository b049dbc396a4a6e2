import { z } from "zod";
import { text, email } from "@/lib/text/fields";
import { isValidTimeZone, zonedLocalToUtc } from "./time-zone";

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time.");

export const sessionTypeInput = z.object({
  id: z.string().max(64).optional(),
  name: text("Session type name", 60, { required: true }),
  durationMinutes: z.coerce
    .number({ message: "Duration must be a number of minutes." })
    .int("Duration must be whole minutes.")
    .min(5, "Duration must be at least 5 minutes.")
    .max(480, "Duration must be at most 480 minutes."),
});

export const trackInput = z.object({
  id: z.string().max(64).optional(),
  name: text("Track name", 60, { required: true }),
});

function uniqueNames(items: { name: string }[]) {
  const seen = new Set(items.map((i) => i.name.toLowerCase()));
  return seen.size === items.length;
}

const eventFields = z.object({
  name: text("Name", 100, { required: true }),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes (e.g. rustconf-2027).")
    .min(3, "The slug must be at least 3 characters.")
    .max(60, "The slug must be at most 60 characters."),
  description: text("Description", 5000),
  timeZone: z.string().refine(isValidTimeZone, "Choose a valid time zone."),
  cfpOpensAt: localDateTime,
  cfpClosesAt: localDateTime,
  sessionTypes: z
    .array(sessionTypeInput)
    .min(1, "Add at least one session type.")
    .max(20)
    .refine(uniqueNames, "Session type names must be different."),
  tracks: z.array(trackInput).max(30).refine(uniqueNames, "Track names must be different."),
});

const CLOSE_AFTER_OPEN = "The CFP must close after it opens.";
const windowFields = eventFields.pick({ timeZone: true, cfpOpensAt: true, cfpClosesAt: true });

export const eventInput = eventFields
  // Checked whenever the dates and zone are valid, even if other fields are not,
  // so every mistake shows on the first submit.
  .refine(
    (e) => {
      const opens = zonedLocalToUtc(e.cfpOpensAt, e.timeZone);
      const closes = zonedLocalToUtc(e.cfpClosesAt, e.timeZone);
      return !!opens && !!closes && closes > opens;
    },
    { path: ["cfpClosesAt"], message: CLOSE_AFTER_OPEN, when: (p) => windowFields.safeParse(p.value).success },
  )
  // The refine above guarantees both dates convert.
  .transform((e) => ({
    ...e,
    cfpOpensAt: zonedLocalToUtc(e.cfpOpensAt, e.timeZone)!,
    cfpClosesAt: zonedLocalToUtc(e.cfpClosesAt, e.timeZone)!,
  }));
export type EventInput = z.output<typeof eventInput>;

export const TEAM_ROLES = ["ORGANIZER", "REVIEWER"] as const;
export const inviteInput = z.object({
  email,
  role: z.enum(TEAM_ROLES, { message: "Choose a role." }),
});
export type InviteInput = z.infer<typeof inviteInput>;
