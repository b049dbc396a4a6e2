import { z } from "zod";
import { MIN_CONTRAST, weakestContrast } from "./contrast";
import { LOGO_MAX_BYTES } from "./logo-image";

// The branding form's accent colour: empty (the app's own colour) or "#rrggbb"
// with at least 4.5:1 contrast where public pages use it.

export const accentColorInput = z.object({
  accentColor: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim().toLowerCase() : v),
    z
      .string()
      .regex(/^#[0-9a-f]{6}$/, "Enter a colour as # and six hexadecimal digits, for example #1f5f8b.")
      .superRefine((hex, ctx) => {
        const { ratio, against } = weakestContrast(hex);
        if (ratio < MIN_CONTRAST) {
          ctx.addIssue({
            code: "custom",
            message: `Too little contrast: ${ratio.toFixed(2)}:1 against ${against}; links and headings need at least ${MIN_CONTRAST}:1. Choose a darker colour.`,
          });
        }
      })
      .nullable(),
  ),
});
export type AccentColorInput = z.output<typeof accentColorInput>;

/** The upload form's file: present and not obviously too large (its bytes are checked by logoProblem). */
export const logoUploadInput = z.object({
  logo: z
    .instanceof(Blob, { message: "Choose an image file." })
    .refine((f) => f.size > 0, "Choose an image file.")
    .refine((f) => f.size <= LOGO_MAX_BYTES, `The logo must be at most ${LOGO_MAX_BYTES / 1024} kB.`),
});
