import type { FormState } from "@/lib/forms/result";
import type { listInvitations } from "@/lib/cospeakers/list";

export type FormAction = (prev: FormState, formData: FormData) => Promise<FormState>;
export type CoSpeakerList = Awaited<ReturnType<typeof listInvitations>>;
export type InvitationRow = CoSpeakerList["invitations"][number];
