import type { Metadata } from "next";
import { Pagination } from "@/components/ui/Pagination";
import Link from "next/link";
import { isEmailDeliveryConfigured } from "@/lib/config";
import { db } from "@/lib/db";
import { eventTemplates } from "@/lib/email/event-templates/queries";
import { listOutbox, outboxQuery } from "@/lib/email/outbox-admin";
import { OrganizerEventNav } from "@/components/events/OrganizerEventNav";
import { DeliveryNotConfigured } from "@/components/emails/DeliveryNotConfigured";
import { HeldOutboxForm } from "@/components/emails/HeldOutboxForm";
import { outboxHref, OutboxTabs } from "@/components/emails/OutboxTabs";
import { RetryOutboxForm } from "@/components/emails/RetryOutboxForm";
import { TemplateList } from "@/components/emails/TemplateList";
import { requireOrganizerEvent } from "../../_lib/organizer-event";
import { heldAction, retryAction } from "./actions";

export const metadata: Metadata = { title: "Emails" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const EMPTY: Record<string, string> = {
  all: "No messages yet",
  held: "No held messages",
  queued: "Nothing waiting to be sent",
  sent: "Nothing sent yet",
  failed: "No failed messages",
};

export default async function EmailsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: SearchParams }) {
  const { slug } = await params;
  const { user, event } = await requireOrganizerEvent(slug, `/organize/${slug}/emails`);
  const query = outboxQuery.parse(await searchParams);
  const [templates, outbox] = await Promise.all([eventTemplates(db, user.actor, event.id), listOutbox(db, user.actor, event.id, query)]);
  const delivering = isEmailDeliveryConfigured();

  return (
    <div className="stack">
      <OrganizerEventNav slug={slug} name={event.name} current="emails" />
      <div>
        <h1>Emails</h1>
        <p className="lead">What {event.name} writes to speakers and reviewers, and every message on its way.</p>
      </div>
      {!delivering && <DeliveryNotConfigured />}

      <section aria-labelledby="templates">
        <h2 id="templates">Message templates</h2>
        <p>Each kind of message uses the default wording until you write your own.</p>
        <TemplateList slug={slug} templates={templates} timeZone={event.timeZone} />
      </section>

      <section aria-labelledby="outbox" className="stack">
        <h2 id="outbox">Outbox</h2>
        <p className={event.holdOutbox ? "alert alert-info" : undefined}>
          {event.holdOutbox
            ? "Decision emails and reminders are held here until an organizer releases them. "
            : delivering
              ? "Messages are sent within seconds of being written; a failed one is retried with growing pauses. "
              : "Messages are not held for review. "}
          <Link href={`/organize/${slug}/decisions#settings`}>
            {event.holdOutbox ? "Send at once instead" : "Hold decision emails for review instead"}
          </Link>
        </p>
        <OutboxTabs slug={slug} current={query.status} counts={outbox.counts} />
        {query.status === "held" ? (
          <HeldOutboxForm
            action={heldAction.bind(null, event.id)}
            slug={slug}
            rows={outbox.rows}
            timeZone={event.timeZone}
            heldTotal={outbox.counts.held}
          />
        ) : (
          <RetryOutboxForm
            action={retryAction.bind(null, event.id)}
            slug={slug}
            rows={outbox.rows}
            timeZone={event.timeZone}
            caption={`Outbox: ${query.status} messages`}
            emptyTitle={EMPTY[query.status]}
          />
        )}
        <Pagination
          page={outbox.page}
          pages={outbox.pages}
          href={(p) => outboxHref(slug, query.status, p)}
          label="Outbox pages"
          previous="← Newer messages"
          next="Older messages →"
        />
      </section>
    </div>
  );
}
