import type { DbTx } from "@/lib/db";

/** A proposal's answers as search text, by who may read them (lib/search/reach.ts). */
export type AnswerText = {
  /** Answers shown to every reviewer of the event. */
  answers: string;
  /** Identity data (answers about the speaker): not searched by a reviewer while blind review is on. */
  identity: string;
  /** Answers hidden from reviewers: organizers only. */
  internal: string;
};

/**
 * The one write path for answers into the search index: call it in the
 * transaction that saves a proposal's answers (custom questions), with all of
 * that proposal's answers sorted by who may read them. Title, abstract, notes
 * and speakers' names are kept by the database's triggers; the FTS5 index
 * (SQLite) and the tsvector (PostgreSQL) follow ProposalSearch by themselves.
 */
export async function indexAnswers(tx: DbTx, proposalId: string, text: AnswerText): Promise<void> {
  // updateMany: a proposal created before the index existed has its row from the migration's backfill; none is an error-free no-op.
  await tx.proposalSearch.updateMany({ where: { proposalId }, data: text });
}
