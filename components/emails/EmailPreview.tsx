import type { TemplatePreview } from "@/lib/lifecycle/template-preview";

/** A standalone document for the sandboxed frame: the outbox's HTML part as a mail client would show it. */
function frameDocument(html: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>HTML version of the email</title></head><body style="margin:0;padding:.75rem;color:#1a1d24;background:#fff">${html}</body></html>`;
}

/** One rendered message: recipient, subject, the plain text, and the HTML part in a frame that runs nothing. */
export function EmailPreview({ preview, heading }: { preview: TemplatePreview; heading: string }) {
  return (
    <section className="card" aria-labelledby="email-preview">
      <h2 id="email-preview">{heading}</h2>
      <p className="hint">
        {preview.proposal ? (
          <>Filled in with the proposal “{preview.proposal.title}”.</>
        ) : (
          <>The event has no proposals yet, so example values fill it in.</>
        )}{" "}
        Personal links (to confirm, to accept an invitation) are example addresses that do nothing.
      </p>
      <ul className="meta">
        <li>To: {preview.to}</li>
      </ul>
      <p>
        <strong>Subject:</strong> <span data-testid="preview-subject">{preview.subject}</span>
      </p>
      <h3>Plain text</h3>
      <div className="mail" data-testid="preview-text">
        {preview.text}
      </div>
      <h3>HTML</h3>
      {/* sandbox="" : no scripts, no forms, no navigation of this page, whatever the HTML holds. */}
      <iframe
        sandbox=""
        srcDoc={frameDocument(preview.html)}
        title="HTML version of the email"
        style={{ width: "100%", minHeight: 280, border: "1px solid var(--border)", borderRadius: 6, background: "#fff" }}
      />
    </section>
  );
}
