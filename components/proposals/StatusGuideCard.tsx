import type { StatusGuide } from "@/lib/proposals/speaker-status";

const TONE = { info: "alert-info", success: "alert-success", warning: "alert-warn", neutral: "alert-info" } as const;

/** Where the proposal stands and what to do next. */
export function StatusGuideCard({ guide }: { guide: StatusGuide }) {
  return (
    <section className={`alert ${TONE[guide.tone]}`} aria-labelledby="where-it-stands">
      <h2 id="where-it-stands" className="flush" style={{ fontSize: "1.1rem" }}>
        {guide.headline}
      </h2>
      <p className="flush">{guide.detail}</p>
    </section>
  );
}
