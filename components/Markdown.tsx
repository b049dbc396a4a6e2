import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

// Speaker-written markdown: raw HTML is never rendered (react-markdown
// escapes it by default) and only http(s)/mailto links and images survive.
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(cleaned) ? cleaned : "";
}

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
  Object.entries(shifted).map(([from, Tag]) => [from, ({ node: _node, ...p }: React.HTMLAttributes<HTMLHeadingElement> & { node?: unknown }) => <Tag {...p} />]),
);

export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml urlTransform={safeUrl} components={{ ...headingComponents, a: ({ node: _node, ...p }) => <a {...p} rel="nofollow noopener noreferrer" /> }}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
