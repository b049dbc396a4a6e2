import type { ApiContext } from "./authenticate";
import { ApiError } from "./errors";
import type { Paging } from "./query";

// Custom questions do not exist yet: the list answers its shape, empty, and
// a single question is "not found". When the Question model lands, these two
// read it (within ctx.event) and answers fill the `answers` fields.

export async function listQuestions(_ctx: ApiContext, _q: Paging) {
  return { count: 0, results: [] as never[] };
}

export async function getQuestion(_ctx: ApiContext, _id: string): Promise<never> {
  throw new ApiError("not_found", "No question with this id.");
}
