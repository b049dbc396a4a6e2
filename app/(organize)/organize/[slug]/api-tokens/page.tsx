import type { Metadata } from "next";
import { db } from "@/lib/db";
import { listApiTokens } from "@/lib/api/tokens";
import { SCOPE_LABELS } from "@/lib/api/scopes";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { ApiTokenForm } from "@/components/api/ApiTokenForm";
import { ApiTokenRevokeButton } from "@/components/api/ApiTokenRevokeButton";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { formatInZone } from "@/lib/dates";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function ApiTokensPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/api-tokens`);
  const when = (d: Date | null, none: string) => (d ? formatInZone(d, event.timeZone) : none);
  const tokens = await listApiTokens(db, user.actor, event.id);
  const revoke = revokeApiTokenAction.bind(null, event.id);
  const now = new Date();
  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="api-tokens" />
      <div>
        <h1>API tokens</h1>
        <p className="lead">
          Tokens let a script or another tool read this event&apos;s data: <code>Authorization: Token &lt;token&gt;</code> on{" "}
          <code>/api/events/{event.slug}/submissions</code>, <code>/speakers</code>, <code>/reviews</code> and <code>/questions</code>. The
          API is described in <a href="/api/openapi.json">its OpenAPI document</a>. A token reads what you may see as an organizer (never a
          proposal you speak on) and stops working if you leave the team.
        </p>
      </div>
      {tokens.length === 0 ? (
        <p className="muted">No tokens yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Token</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created by</th>
                <th scope="col">Expires</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => {
                const expired = t.expiresAt !== null && t.expiresAt <= now;
                return (
                  <tr key={t.id}>
                    <td>{t.name}</td>
                    <td>
                      <code>{t.prefix}…</code>
                    </td>
                    <td>{t.scopes.map((s) => SCOPE_LABELS[s]).join(", ")}</td>
                    <td>{t.createdBy}</td>
                    <td>{when(t.expiresAt, "Never")}</td>
                    <td>{when(t.lastUsedAt, "Not yet")}</td>
                    <td>
                      {t.revokedAt ? (
                        `Revoked ${when(t.revokedAt, "")}`
                      ) : expired ? (
                        "Expired"
                      ) : (
                        <ApiTokenRevokeButton action={revoke} tokenId={t.id} name={t.name} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">New token</h2>
        <ApiTokenForm action={createApiTokenAction.bind(null, event.id)} scopes={SCOPE_LABELS} />
      </section>
    </div>
  );
}
