import type { SignedIn } from "@/lib/auth/actor";
import type { Db } from "@/lib/db";
import { redactSecrets } from "@/lib/text/secret-links";
import { notFound } from "@/lib/errors";

/**
 * Everything the app holds about the signed-in person, as one JSON document:
 * account, profile, talks, proposals (with co-speakers' names only),
 * memberships, reviews and comments they wrote, and the email sent to them.
 * Nothing about other people beyond what the person already sees, no
 * session tokens, no other reviewer's work.
 */
export async function exportOwnData(db: Db, actor: SignedIn, now = new Date()) {
  const userId = actor.userId;
  const user = await db.user.findUnique({
    where: { id: userId, deletedAt: null },
    select: {
      id: true,
      code: true,
      name: true,
      email: true,
      emailVerified: true,
      createdAt: true,
      updatedAt: true,
      profile: { select: { bio: true, company: true, location: true, website: true, github: true, mastodon: true, updatedAt: true } },
      accounts: { select: { provider: true } },
      talks: { select: { id: true, title: true, abstract: true, notes: true, level: true, createdAt: true, updatedAt: true } },
      proposalRoles: {
        select: {
          role: true,
          proposal: {
            select: {
              id: true,
              code: true,
              number: true,
              title: true,
              abstract: true,
              notes: true,
              level: true,
              status: true,
              submittedAt: true,
              decidedAt: true,
              respondedAt: true,
              createdAt: true,
              updatedAt: true,
              event: { select: { name: true, slug: true } },
              sessionType: { select: { name: true } },
              track: { select: { name: true } },
              speakers: { select: { role: true, user: { select: { name: true } } } },
            },
          },
        },
      },
      eventMembers: { select: { role: true, createdAt: true, event: { select: { name: true, slug: true } } } },
      reviews: {
        select: {
          score: true,
          comment: true,
          createdAt: true,
          updatedAt: true,
          proposal: { select: { id: true, title: true, event: { select: { slug: true } } } },
          scores: { select: { value: true, criterion: { select: { name: true } } } },
        },
      },
      reviewComments: { select: { body: true, createdAt: true, proposal: { select: { id: true, title: true } } } },
    },
  });
  if (!user) throw notFound("This account");
  const emails = await db.outboxEmail.findMany({
    where: { to: user.email },
    orderBy: { createdAt: "asc" },
    select: { subject: true, text: true, status: true, createdAt: true, sentAt: true },
  });
  const { proposalRoles, accounts, ...account } = user;
  return {
    exportedAt: now.toISOString(),
    account: { ...account, signInMethods: ["email", ...accounts.map((a) => a.provider)] },
    proposals: proposalRoles.map(({ role, proposal }) => ({
      ...proposal,
      yourRole: role,
      speakers: proposal.speakers.map((s) => ({ name: s.user.name, role: s.role })),
    })),
    // Links in emails that act for someone (confirm, invitation) are redacted: they are credentials.
    emails: emails.map((e) => ({ ...e, text: redactSecrets(e.text) })),
  };
}
