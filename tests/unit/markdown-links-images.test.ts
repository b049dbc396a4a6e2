import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/Markdown";
import { safeMarkdownUrl } from "@/lib/text/markdown-urls";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, null, source));

describe("images in Markdown are never loaded (issue 10, finding 12)", () => {
  it("turns a remote image, a tracking pixel, into a link to it", () => {
    const html = render("Hello ![pixel](https://tracker.example/p.gif?who=reviewer) there");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://tracker.example/p.gif?who=reviewer" rel="nofollow noopener noreferrer">Image: pixel</a>');
  });

  it("turns a reference-style or same-site image into a link too", () => {
    const html = render("![logo][l]\n\n![](/logo.png)\n\n[l]: https://cdn.example/logo.png");
    expect(html).not.toContain("<img");
    expect(html).toContain('href="https://cdn.example/logo.png"');
    expect(html).toContain('<a href="/logo.png" rel="nofollow noopener noreferrer">Image</a>');
  });

  it("keeps only the label of an image inside a link: no link in a link", () => {
    const html = render("[![badge](https://ci.example/badge.svg)](https://ci.example/)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://ci.example/" rel="nofollow noopener noreferrer">Image: badge</a>');
    expect(html.match(/<a /g)).toHaveLength(1);
  });
});

describe("links in Markdown stay on http(s), mailto or this site (issue 10, finding 12)", () => {
  it("makes protocol-relative links explicit https links", () => {
    expect(render("[x](//evil.example/login)")).toContain('href="https://evil.example/login"');
    expect(safeMarkdownUrl("//evil.example/login")).toBe("https://evil.example/login");
    // Browsers read a backslash after the first slash as a second slash.
    expect(safeMarkdownUrl("/\\evil.example/login")).toBe("https://evil.example/login");
  });

  it("keeps same-site paths, fragments, http(s) and mailto", () => {
    for (const url of ["/speaker", "/events/a?b=c#d", "#top", "https://example.org/x", "http://example.org", "mailto:a@example.org"]) {
      expect(safeMarkdownUrl(url)).toBe(url);
    }
  });

  it("drops every other scheme and relative path", () => {
    for (const url of [
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,x",
      "vbscript:x",
      "ftp://example.org",
      "relative/path",
      " javascript:x",
    ]) {
      expect(safeMarkdownUrl(url)).toBe("");
    }
    expect(render("[x](javascript:alert(1))")).not.toContain("javascript");
  });
});
