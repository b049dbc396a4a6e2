import type { CfpState } from "@/lib/events/cfp";

const LABEL: Record<CfpState, string> = { open: "CFP open", upcoming: "CFP opens soon", closed: "CFP closed" };

export function CfpBadge({ state }: { state: CfpState }) {
  return <span className={`badge badge-${state}`}>{LABEL[state]}</span>;
}
