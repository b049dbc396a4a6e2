import type { Metadata } from "next";
import { db } from "@/lib/db";
import { formatInZone } from "@/lib/events/time-zone";
import { responseDeadline } from "@/lib/lifecycle/deadline";
import { proposalForLink } from "@/lib/lifecycle/respond";
import { speakerStatusGuide } from "@/lib/proposals/speaker-status";
import type { ProposalStatus } from "@/lib/lifecycle/state-machine";
import { RespondForm } from "@/components/decisions/RespondForm";
import { StatusGuideCard } from "@/components/proposals/StatusGuideCard";
import { forPage } from "@/app/_lib/page-query";
import { respondByLinkAction } from "./actions";

export const metadata: Metadata = { title: "Your talk", robots: { index: false } };

/** The page behind the link in an acceptance email: no sign-in needed, the link is signed. */
export default async function RespondPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const declining = (await searchParams).confirm === "decline";
  const path = `/respond/${token}`;
  const loaded = await forPage(() => proposalForLink(db, token));
  if (!loaded.ok) {
    return (
      <div className="stack" style={{ maxWidth: 640 }}>
        <h1>This link cannot be used</h1>
        <p className="alert alert-error" role="alert">
          {loaded.message}
        </p>
      </div>
    );
  }
  const p = loaded.value;
  const status = p.status as ProposalStatus;
  const due = responseDeadline(p.event.confirmationDeadline, p.decidedAt);
  const deadline = due ? formatInZone(due, p.event.timeZone) : null;
  return (
    <div className="stack" style={{ maxWidth: 640 }}>
      <div>
        <p className="muted flush">{p.event.name}</p>
        <h1>{p.title}</h1>
      </div>
      <StatusGuideCard guide={speakerStatusGuide(status, { cfpOpen: false, cfpCloses: "", deadline })} />
      {/* Mounted in every status, so "Thank you: your talk is confirmed." survives the re-render that removes the buttons. */}
      <RespondForm
        action={respondByLinkAction}
        hidden={{ token }}
        open={status === "ACCEPTED"}
        decline={{ href: `${path}?confirm=decline#confirm-decline`, cancelHref: `${path}#decline-talk`, showing: declining }}
      />
    </div>
  );
}
