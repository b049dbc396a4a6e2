// CPU time to render each crafted Markdown source (scripts/lib/markdown-attacks.ts)
// through components/ui/Markdown.tsx, best of 7: `npx tsx scripts/bench/markdown.tsx`.
// A measurement, not a test: the unit test checks the pre-parse guard instead.
import { renderToStaticMarkup } from "react-dom/server";
import { Markdown } from "@/components/ui/Markdown";
import { boundMarkdown } from "@/lib/text/markdown-bounds";
import { MARKDOWN_AT_LIMITS, MARKDOWN_ATTACKS } from "@/scripts/lib/markdown-attacks";

function cpuMs(run: () => void): number {
  let best = Infinity;
  for (let i = 0; i < 7; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

for (const [name, source] of [...Object.entries(MARKDOWN_ATTACKS), ...Object.entries(MARKDOWN_AT_LIMITS)]) {
  const bounded = boundMarkdown(source);
  const ms = cpuMs(() => renderToStaticMarkup(<Markdown>{source}</Markdown>));
  const verdict = bounded.kind === "text" ? `plain text (${bounded.reason})` : "parsed";
  console.log(`${name.padEnd(36)} ${String(source.length).padStart(6)} chars  ${ms.toFixed(2).padStart(7)} ms CPU  ${verdict}`);
}
