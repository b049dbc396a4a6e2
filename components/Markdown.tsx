import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

// Speaker-written markdown: raw HTML is never rendered (react-markdown
// escapes it by default) and only http(s)/mailto links and images survive.
function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  return /^(https?:|mailto:|#|\/)/i.test(cleaned) ? cleaned : "";
}

export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml urlTransform={safeUrl} components={{ a: (p) => <a {...p} rel="nofollow noopener noreferrer" /> }}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
