// Where a link in speaker-written Markdown may point: http(s), mailto, a
// fragment, or a path on this site. "//host/x" and "/\host/x" look like paths
// but browsers read them as another host: they become https://host/x.
const SELF = new URL("https://same-site.invalid/");

export function safeMarkdownUrl(url: string): string {
  const cleaned = url.trim();
  if (/^(https?:|mailto:)/i.test(cleaned) || cleaned.startsWith("#")) return cleaned;
  if (!cleaned.startsWith("/")) return "";
  let resolved: URL;
  try {
    resolved = new URL(cleaned, SELF);
  } catch {
    return "";
  }
  if (resolved.origin === SELF.origin) return cleaned;
  return resolved.protocol === "https:" ? resolved.href : "";
}
