"use client";
import { useState, type ComponentType } from "react";

type MarkdownComponent = ComponentType<{ children: string }>;

/**
 * "Preview" under a Markdown field: the text rendered by the pages' own
 * renderer (components/ui/Markdown.tsx, the same code, so the same rules:
 * no raw HTML, safe links, images as links). Loaded on first use, so the
 * form ships no Markdown parser until someone asks for a preview.
 */
export function MarkdownPreview({ value, label, id }: { value: string; label: string; id: string }) {
  const [Markdown, setMarkdown] = useState<MarkdownComponent | null>(null);
  const [open, setOpen] = useState(false);

  async function toggle() {
    if (!open && !Markdown) {
      const loaded = await import("./Markdown");
      setMarkdown(() => loaded.Markdown);
    }
    setOpen(!open);
  }

  return (
    <div className="markdown-preview">
      <button type="button" className="btn btn-secondary btn-small" aria-expanded={open} aria-controls={id} onClick={toggle}>
        {open ? "Hide preview" : "Preview"}
      </button>
      {/* Only in the page while open: a hidden region would still answer to the field's label. */}
      {open && Markdown && (
        <div id={id} role="region" aria-label={`${label} preview`}>
          {value.trim() ? <Markdown>{value}</Markdown> : <p className="muted">Nothing to preview yet.</p>}
        </div>
      )}
    </div>
  );
}
