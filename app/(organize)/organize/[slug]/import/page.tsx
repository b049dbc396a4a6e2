import type { Metadata } from "next";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ImportUploadForm } from "@/components/imports/ImportUploadForm";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { uploadImportAction } from "./actions";

export const metadata: Metadata = { title: "Import proposals" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ imported?: string }> };

export default async function ImportPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { imported } = await searchParams;
  const { event } = await requireOrganizerEvent(slug, `/organize/${slug}/import`);
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <OrganizerEventNav slug={slug} name={event.name} current="import" />
      <div>
        <h1>Import proposals</h1>
        <p className="lead">
          Bring proposals and speakers over from Sessionize, pretalx, Conference Hall or a c3voc submission file, or from another event here
          (its export &ldquo;JSON for import&rdquo;, read as pretalx). Speakers with the same email address become one person; proposals
          keep the status they had where it has an equivalent here. Answers to the file&rsquo;s questions become answers to this
          event&rsquo;s questions of the same text, or to new ones made as the file defines them. Importing the same file again creates
          nothing new. Nobody is emailed.
        </p>
      </div>
      {imported !== undefined && /^\d+$/.test(imported) && (
        <p className="alert alert-success" role="status">
          Imported {imported} {imported === "1" ? "proposal" : "proposals"}.
        </p>
      )}
      <div className="card">
        <ImportUploadForm action={uploadImportAction.bind(null, event.id, slug)} />
      </div>
    </div>
  );
}
