import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/sign-in/session";
import { db } from "@/lib/db";
import { erasureSummary } from "@/lib/own-data/erase";
import { EraseAccountForm } from "@/components/own-data/EraseAccountForm";
import { HeadedTable } from "@/components/ui/HeadedTable";
import { eraseAccountAction } from "./actions";

export const metadata: Metadata = { title: "Delete your account" };
export const dynamic = "force-dynamic";

const OUTCOMES: Record<string, string> = {
  deleted: "Deleted (a draft)",
  withdrawn: "Withdrawn, then kept without your name",
  anonymized: "Kept without your name",
  "kept by co-speakers": "Stays with your co-speakers",
};

export default async function DeleteAccountPage() {
  const user = await requirePageUser("/speaker/profile/delete");
  const summary = await erasureSummary(db, user.actor);
  return (
    <div className="stack" style={{ maxWidth: 760 }}>
      <div>
        <h1>Delete your account</h1>
        <p className="lead">
          Your profile, your name and address, your sign-in methods and the emails sent to you are erased. This cannot be undone.{" "}
          <Link href="/speaker/profile/data">Download your data</Link> first if you want a copy.
        </p>
      </div>
      {summary.acceptedTalks.length > 0 && (
        <div className="alert alert-error" role="alert">
          <p>
            <strong>You have accepted talks.</strong> They will be withdrawn: the organizers are told, and a waitlisted talk may take the
            slot.
          </p>
          <ul>
            {summary.acceptedTalks.map((p) => (
              <li key={p.id}>
                {p.title} ({p.event})
              </li>
            ))}
          </ul>
        </div>
      )}
      {summary.proposals.length > 0 && (
        <HeadedTable columns={["Proposal", "Event", "What happens"]}>
          {summary.proposals.map((p) => (
            <tr key={p.id}>
              <td>{p.title}</td>
              <td>{p.event}</td>
              <td>{OUTCOMES[p.outcome]}</td>
            </tr>
          ))}
        </HeadedTable>
      )}
      {summary.reviews > 0 && (
        <p>
          Your {summary.reviews} {summary.reviews === 1 ? "review stays" : "reviews stay"}, signed &ldquo;Former reviewer&rdquo;, so the
          rankings they are part of do not change.
        </p>
      )}
      <div className="card">
        <EraseAccountForm action={eraseAccountAction} />
      </div>
    </div>
  );
}
