import type { Db } from "@/lib/db";
import type { SignedIn } from "@/lib/auth/actor";
import type { ClockOptions } from "@/lib/clock";
import { inviteCoSpeaker } from "@/lib/cospeakers/invite";
import { isDomainError } from "@/lib/errors";
import { createProposal } from "./create-proposal";
import type { SaveProposalInput } from "./schemas";

export type ProposeOptions = ClockOptions & {
  /** A talk from the speaker's library, proposed again (ADR 0020). */
  talkId?: string | null;
  /** Co-speakers invited with the first save (already checked addresses). */
  coSpeakers?: readonly string[];
};

/**
 * The new-proposal form's save: the proposal (draft or submitted), then an
 * invitation to each co-speaker named in the form, each through
 * inviteCoSpeaker, so the invitation limits apply as they do later. An
 * invitation that is refused (a limit, an address that may not be invited)
 * does not undo the proposal: the speaker sees how many were not sent and
 * invites again from the proposal's page, which says why.
 */
export async function proposeTalk(db: Db, actor: SignedIn, eventId: string, input: SaveProposalInput, options: ProposeOptions = {}) {
  const proposal = await createProposal(db, actor, eventId, input, options);
  let invited = 0;
  let notInvited = 0;
  for (const email of options.coSpeakers ?? []) {
    try {
      await inviteCoSpeaker(db, actor, proposal.id, email, { now: options.now });
      invited++;
    } catch (e) {
      if (!isDomainError(e)) throw e;
      notInvited++;
    }
  }
  return { proposal, invited, notInvited };
}
