// Organizer exports against the production server (lib/exports): each is
// downloaded once, read as a client would, chunk by chunk, while the server's
// memory is sampled. An export streams database batches, so the server's
// memory should not grow with the event, and 10,000 proposals should take
// seconds.
import type { MemorySampler } from "./proc";

export type ExportRun = { seconds: number; megabytes: number; rows: number; serverRssPeakMb: number; firstByteMs: number };

export const EXPORTS = [
  { key: "rankingCsv", label: "Ranking → CSV, one row per proposal", query: "from=ranking&kind=proposals&format=csv" },
  { key: "listJson", label: "Proposal list → JSON, with personal data", query: "from=list&kind=proposals&format=json&personal=1" },
  { key: "speakersCsv", label: "Speakers → CSV", query: "from=list&kind=speakers&format=csv" },
  { key: "reviewsCsv", label: "Reviews → CSV, a column per criterion", query: "from=ranking&kind=reviews&format=csv" },
] as const;

export async function measureExports(serverUrl: string, slug: string, organizerCookie: string, memory: MemorySampler) {
  const runs: Record<string, ExportRun> = {};
  for (const e of EXPORTS) {
    process.stdout.write(`  ${e.label} ... `);
    memory.mark();
    const started = performance.now();
    const response = await fetch(`${serverUrl}/organize/${slug}/export?${e.query}`, { headers: { cookie: organizerCookie } });
    if (response.status !== 200 || !response.body) throw new Error(`export ${e.key}: HTTP ${response.status}`);
    let bytes = 0;
    let newlines = 0;
    let firstByteMs = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = Math.round(performance.now() - started);
      bytes += value.byteLength;
      for (const b of value) if (b === 10) newlines++;
    }
    const seconds = +((performance.now() - started) / 1000).toFixed(2);
    // CSV: a line per row and the header; JSON: a line per object and the brackets. (A CSV field may hold more line breaks.)
    const rows = newlines - 1;
    runs[e.key] = { seconds, megabytes: +(bytes / 1e6).toFixed(2), rows, serverRssPeakMb: Math.round(memory.windowPeakMb()), firstByteMs };
    console.log(
      `${seconds} s, ${runs[e.key].megabytes} MB, ~${rows} lines, first byte ${firstByteMs} ms, RSS peak ${runs[e.key].serverRssPeakMb} MB`,
    );
  }
  return runs;
}
