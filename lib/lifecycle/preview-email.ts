import { redactSecrets } from "@/lib/text/secret-links";
import type { SpeakerEmail } from "./notify";

/** An email as a confirmation shows it: the real message, with links that act for its recipient hidden. */
export type EmailPreview = { to: string; subject: string; body: string; held: boolean };

export function previewOf(mail: SpeakerEmail): EmailPreview {
  const to = mail.to.name ? `${mail.to.name} <${mail.to.email}>` : mail.to.email;
  return { to, subject: redactSecrets(mail.subject), body: redactSecrets(mail.body), held: mail.hold };
}
