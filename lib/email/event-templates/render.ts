import { PLACEHOLDERS, SECRET_PLACEHOLDERS, type Template, type TemplateKind } from "./kinds";

const PLACEHOLDER = /\{([a-z_]+)\}/g;

/**
 * Fills {placeholders} in one pass over the template: a value is never
 * scanned again, so a talk titled "{confirm_url}" stays that text. Values are
 * plain text; the outbox escapes the whole message for its HTML part.
 */
export function renderTemplate(template: Template, values: Readonly<Record<string, string>>): Template {
  const fill = (s: string, secrets: boolean) =>
    s.replace(PLACEHOLDER, (whole, key: string) => {
      if (!secrets && SECRET_PLACEHOLDERS.includes(key)) return "";
      return Object.hasOwn(values, key) ? values[key] : whole;
    });
  // A link that acts for the recipient never goes in the subject, even from a
  // template saved before subjects refused it (the subject is what organizers read).
  // Line breaks inside a value must not start new header lines in the subject.
  return { subject: fill(template.subject, false).replace(/[\r\n]+/g, " "), body: fill(template.body, true) };
}

/** Placeholders a template uses that its kind does not know, e.g. a typo like {speakername}. */
export function unknownPlaceholders(kind: TemplateKind, template: Template): string[] {
  const known = new Set(PLACEHOLDERS[kind]);
  const used = [...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)].map((m) => m[1]);
  return [...new Set(used.filter((k) => !known.has(k)))];
}
