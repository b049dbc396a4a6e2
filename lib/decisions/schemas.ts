import { z } from "zod";
import { id } from "@/lib/text/fields";

export const BULK_OPERATIONS = ["ACCEPTED", "WAITLISTED", "REJECTED", "UNDECIDED", "PUBLISH"] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

export const bulkDecisionInput = z.object({
  operation: z.enum(BULK_OPERATIONS, { message: "Choose what to do with the selected proposals." }),
  proposalIds: z.array(id).min(1, "Select at least one proposal.").max(500, "Select at most 500 proposals at a time."),
});

export const decisionSettingsInput = z.object({
  // "YYYY-MM-DDTHH:mm" in the event's time zone, or empty for no deadline.
  confirmationDeadline: z.union([z.literal(""), z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Enter a date and time.")]),
  autoPromoteWaitlist: z.boolean(),
  holdOutbox: z.boolean(),
});
export type DecisionSettingsInput = z.infer<typeof decisionSettingsInput>;
