import type { Metadata } from "next";
import { db } from "@/lib/db";
import { listTeam } from "@/lib/events/team";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { TeamInviteForm } from "@/components/events/TeamInviteForm";
import { TeamRemoveButton } from "@/components/events/TeamRemoveButton";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { inviteTeamMemberAction, removeTeamMemberAction } from "./actions";

export const metadata: Metadata = { title: "Team" };

const ROLE_LABELS: Record<string, string> = { ORGANIZER: "Organizer", REVIEWER: "Reviewer" };

export default async function EventTeamPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/team`);
  const team = await listTeam(db, user.actor, event.id);
  const removeAction = removeTeamMemberAction.bind(null, event.id);
  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="team" />
      <div>
        <h1>Team</h1>
        <p className="lead">Organizers and reviewers of {event.name}. An event always keeps at least one organizer.</p>
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {team.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.user.name || <span className="muted">No name yet</span>}
                  {m.user.id === user.id && <span className="muted"> (you)</span>}
                </td>
                <td style={{ overflowWrap: "anywhere" }}>{m.user.email}</td>
                <td>{ROLE_LABELS[m.role] ?? m.role}</td>
                <td>
                  <TeamRemoveButton
                    action={removeAction}
                    memberId={m.id}
                    who={m.user.id === user.id ? "yourself" : m.user.name || m.user.email}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite someone</h2>
        <TeamInviteForm action={inviteTeamMemberAction.bind(null, event.id)} />
      </section>
    </div>
  );
}
