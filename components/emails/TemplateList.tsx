import Link from "next/link";
import { formatDate } from "@/lib/dates";
import type { TemplateKind } from "@/lib/email/event-templates/kinds";

type Row = { kind: TemplateKind; label: string; customized: boolean; updatedAt: Date | null };

/** Each kind of message, with whether the event uses its own wording, and a link to its editor. */
export function TemplateList({ slug, templates, timeZone }: { slug: string; templates: Row[]; timeZone: string }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Message templates</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Wording</th>
            <th scope="col">Last changed</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.kind}>
              <td>
                <Link href={`/organize/${slug}/emails/${t.kind}`}>{t.label}</Link>
              </td>
              <td>
                {t.customized ? (
                  <span className="badge badge-pending">Customized</span>
                ) : (
                  <span className="badge badge-draft">Default</span>
                )}
              </td>
              <td>{t.customized ? formatDate(t.updatedAt, timeZone) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
