import { describe, expect, it } from "vitest";
import { seesOtherReviews, seesSpeakers, type ReviewVisibility } from "@/lib/auth/visibility";

// Every role × visibility × "has reviewed" combination, written out by hand.
//                        NEVER           AFTER_OWN_REVIEW  ALWAYS
//                        no own / own    no own / own      no own / own
const OTHER_REVIEWS: Record<"ORGANIZER" | "REVIEWER", Record<ReviewVisibility, [boolean, boolean]>> = {
  ORGANIZER: { NEVER: [true, true], AFTER_OWN_REVIEW: [true, true], ALWAYS: [true, true] },
  REVIEWER: { NEVER: [false, false], AFTER_OWN_REVIEW: [false, true], ALWAYS: [true, true] },
};

//                     blind   not blind
const SPEAKERS: Record<"ORGANIZER" | "REVIEWER", [boolean, boolean]> = {
  ORGANIZER: [true, true],
  REVIEWER: [false, true],
};

describe("seesOtherReviews", () => {
  const cases = (["ORGANIZER", "REVIEWER"] as const).flatMap((role) =>
    (["NEVER", "AFTER_OWN_REVIEW", "ALWAYS"] as const).flatMap((visibility) =>
      [false, true].map((hasOwnReview) => ({
        role,
        visibility,
        hasOwnReview,
        expected: OTHER_REVIEWS[role][visibility][hasOwnReview ? 1 : 0],
      })),
    ),
  );

  it("covers all 12 combinations", () => expect(cases).toHaveLength(12));

  it.each(cases)("$role, $visibility, own review: $hasOwnReview → $expected", ({ role, visibility, hasOwnReview, expected }) => {
    expect(seesOtherReviews(role, visibility, hasOwnReview)).toBe(expected);
  });
});

describe("seesSpeakers", () => {
  const cases = (["ORGANIZER", "REVIEWER"] as const).flatMap((role) =>
    [true, false].map((blindReview) => ({ role, blindReview, expected: SPEAKERS[role][blindReview ? 0 : 1] })),
  );

  it.each(cases)("$role, blind review: $blindReview → $expected", ({ role, blindReview, expected }) => {
    expect(seesSpeakers(role, blindReview)).toBe(expected);
  });
});
