import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { isEmailDeliveryConfigured } from "@/lib/config";
import { db } from "@/lib/db";
import { previewChoices, previewTemplate } from "@/lib/lifecycle/template-preview";
import { templateForEditor } from "@/lib/email/event-templates/queries";
import { templateKind } from "@/lib/email/event-templates/schemas";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { DeliveryNotConfigured } from "@/components/emails/DeliveryNotConfigured";
import { EmailPreview } from "@/components/emails/EmailPreview";
import { PLACEHOLDER_HELP } from "@/components/emails/labels";
import { TemplateEditorForm } from "@/components/emails/TemplateEditorForm";
import { requireOrganizerEvent } from "../../../_lib/organizer-event";
import { templateAction } from "./actions";

export const metadata: Metadata = { title: "Email template" };

type Params = Promise<{ slug: string; kind: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function EmailTemplatePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug, kind: rawKind } = await params;
  const parsed = templateKind.safeParse(rawKind);
  if (!parsed.success) notFound();
  const kind = parsed.data;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/emails/${kind}`);
  const { proposal: asked } = await searchParams;
  const [template, proposals] = await Promise.all([
    templateForEditor(db, user.actor, event.id, kind),
    previewChoices(db, user.actor, event.id),
  ]);
  // An unknown or stale ?proposal= falls back to the latest proposal instead of failing.
  const proposalId = typeof asked === "string" && proposals.some((p) => p.id === asked) ? asked : undefined;
  const preview = await previewTemplate(db, user.actor, event.id, kind, { proposalId });

  return (
    <div className="stack" style={{ maxWidth: 900 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="emails" />
      <p>
        <Link href={`/organize/${slug}/emails`}>← All emails</Link>
      </p>
      {!isEmailDeliveryConfigured() && <DeliveryNotConfigured />}
      <div>
        <h1>“{template.label}” email</h1>
        <p className="lead">
          {template.customized ? "Your own wording." : "The default wording: save a change to make it your own."} Each recipient gets their
          own copy; whatever names and titles contain is shown as text, never as markup or as another placeholder.
        </p>
      </div>
      <section className="card" aria-labelledby="placeholders">
        <h2 id="placeholders">Placeholders</h2>
        <ul>
          {template.placeholders.map((p) => (
            <li key={p}>
              <code>{`{${p}}`}</code> — {PLACEHOLDER_HELP[p] ?? p}
            </li>
          ))}
        </ul>
      </section>
      <TemplateEditorForm
        action={templateAction.bind(null, event.id, kind)}
        initial={{ subject: template.subject, body: template.body }}
        customized={template.customized}
        proposals={proposals}
        proposalId={preview.proposal?.id}
        savedPreview={<EmailPreview preview={preview} heading={template.customized ? "Preview" : "Preview of the default wording"} />}
      />
    </div>
  );
}
