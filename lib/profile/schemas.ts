import { z } from "zod";
import { optionalUrl, text } from "@/lib/text/fields";
import { PROFILE_LIMITS } from "./limits";

export const profileInput = z.object({
  name: text("Name", PROFILE_LIMITS.name, { required: true }),
  bio: text("Bio", PROFILE_LIMITS.bio),
  company: text("Company", 100),
  location: text("Location", 100),
  website: optionalUrl("Website"),
  github: text("GitHub username", 39).refine((s) => s === "" || /^[a-z\d](?:[a-z\d-]{0,38})$/i.test(s), {
    message: "Enter a GitHub username (letters, digits and dashes).",
  }),
  mastodon: text("Mastodon", 100),
});
export type ProfileInput = z.infer<typeof profileInput>;
