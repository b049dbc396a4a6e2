import { z } from "zod";
import { email, id } from "@/lib/text/fields";

export const inviteCoSpeakerInput = z.object({ email });
export type InviteCoSpeakerInput = z.infer<typeof inviteCoSpeakerInput>;

export const invitationIdInput = z.object({ invitationId: id });

/** The token from an invitation link: base64url, as newInvitationToken makes it. */
export const invitationToken = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const INVITATION_ANSWERS = ["accept", "decline"] as const;
export type InvitationAnswer = (typeof INVITATION_ANSWERS)[number];

export const respondToInvitationInput = z.object({ token: invitationToken, answer: z.enum(INVITATION_ANSWERS) });
