import ReactMarkdown from "react-markdown";
import { boundMarkdown } from "@/lib/text/markdown-bounds";
import { imagesAsLinks } from "@/lib/text/markdown-images";
import { safeMarkdownUrl } from "@/lib/text/markdown-urls";

// Speaker-written markdown: raw HTML is never rendered (skipped), links go only
// to http(s), mailto or this site, and images are never loaded (shown as links).
// Sources over the limits of lib/text/markdown-bounds.ts are shown as plain text, unparsed.

// Headings in an abstract sit below the page's own headings: shift them down
// so the page outline stays in order.
const shifted = {
  h1: "h4",
  h2: "h5",
  h3: "h6",
  h4: "h6",
  h5: "h6",
  h6: "h6",
} as const;
const headingComponents = Object.fromEntries(
  Object.entries(shifted).map(([from, Tag]) => [
    from,
    ({ node: _node, ...p }: React.HTMLAttributes<HTMLHeadingElement> & { node?: unknown }) => <Tag {...p} />,
  ]),
);
const rehypePlugins = [imagesAsLinks];

export function Markdown({ children }: { children: string }) {
  const bounded = boundMarkdown(children);
  if (bounded.kind === "text") {
    return (
      <div className="markdown">
        <p className="plain-text">{bounded.text}</p>
      </div>
    );
  }
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        urlTransform={safeMarkdownUrl}
        rehypePlugins={rehypePlugins}
        components={{ ...headingComponents, a: ({ node: _node, ...p }) => <a {...p} rel="nofollow noopener noreferrer" /> }}
      >
        {bounded.source}
      </ReactMarkdown>
    </div>
  );
}
