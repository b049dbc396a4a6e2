// What the benchmark loads: each page as one user would request it, with a
// check that a single request really gets that page (not a sign-in redirect).
import { actionRequest, findActionId, sendAction, type ActionRequest } from "../lib/server-action";
import type { Step } from "./measure";
import type { Fixtures } from "./seed";

export type Page = {
  key: string;
  label: string;
  /** Next request to send; pages that rotate (proposal ids) return a different one each time. */
  next: () => Step;
  /** Checked once before measuring: the response must contain this. */
  expect: string;
  /** Overrides --connections, e.g. one reviewer saving alone. */
  connections?: number;
};

const cycle = <T>(items: T[]) => {
  let i = 0;
  return () => items[i++ % items.length];
};

export async function benchPages(
  f: Fixtures,
  cookies: Record<"speaker" | "reviewer" | "organizer", string>,
  origin: string,
): Promise<Page[]> {
  const get = (path: string, cookie?: string): Step => ({ path, headers: cookie ? { cookie } : {} });
  // The reviewer's assigned proposals, reviewed or not: what they open and score.
  const mine = [...f.benchReviewed, ...f.benchTodo];
  const reviewPaths = cycle(mine.map((id) => get(`/review/${f.slug}/${id}`, cookies.reviewer)));
  const actionId = await findActionId(
    origin,
    `/review/${f.slug}/${mine[0]}`,
    { typed: ["comment"], hidden: ["proposalId"] },
    cookies.reviewer,
  );
  const posts: ActionRequest[] = await Promise.all(
    mine.map((id, i) =>
      actionRequest(
        `/review/${f.slug}/${id}`,
        actionId,
        {
          proposalId: id,
          "score.crit0": String(1 + (i % 5)),
          "score.crit1": String(1 + ((i * 3) % 5)),
          "score.crit2": i % 4 === 0 ? "" : "3",
          comment: `Bench review ${i}: clear outline.`,
        },
        cookies.reviewer,
        origin,
      ),
    ),
  );
  const nextPost = cycle(posts.map((p): Step => ({ ...p, method: "POST" })));
  return [
    {
      key: "trivial",
      label: "trivial page /signin/check-email (anonymous)",
      next: () => get("/signin/check-email"),
      expect: "Check your email",
    },
    { key: "cfp", label: "public CFP /events/[slug]", next: () => get(`/events/${f.slug}`), expect: "Submit a proposal" },
    {
      key: "schedule",
      label: "public schedule /events/[slug]/schedule (60 talks)",
      next: () => get(`/events/${f.slug}/schedule`),
      expect: "Bench talk 0 on day 1",
    },
    { key: "speaker", label: "speaker's proposals /speaker", next: () => get("/speaker", cookies.speaker), expect: "My proposals" },
    { key: "queue", label: "reviewer queue /review/[slug]", next: () => get(`/review/${f.slug}`, cookies.reviewer), expect: "Review next" },
    { key: "reviewPage", label: "review page /review/[slug]/[id]", next: reviewPaths, expect: "Your review" },
    {
      key: "organizerList",
      label: "organizer list by score (50)",
      next: () => get(`/organize/${f.slug}?sort=score&dir=desc`, cookies.organizer),
      expect: `aria-label="Pagination"`,
    },
    // Search (lib/search): a common word (one title in ~20 has it, plus abstracts) and two words together.
    {
      key: "organizerSearch",
      label: "organizer list, search ?q=borrow",
      next: () => get(`/organize/${f.slug}?q=borrow`, cookies.organizer),
      expect: `aria-label="Pagination"`,
    },
    {
      key: "rankingSearch",
      label: "ranking, search ?q=embedded production",
      next: () => get(`/organize/${f.slug}/ranking?q=embedded+production`, cookies.organizer),
      expect: `aria-label="Pagination"`,
    },
    {
      key: "queueSearch",
      label: "reviewer queue (blind), search ?q=borrow",
      next: () => get(`/review/${f.slug}?q=borrow`, cookies.reviewer),
      expect: "matching proposal",
    },
    {
      key: "trivialSignedIn",
      label: "trivial page, signed in",
      next: () => get("/signin/check-email", cookies.reviewer),
      expect: "Check your email",
    },
    // Last: they write, and each save schedules refreshEventStats after the response.
    {
      key: "submitReviewAlone",
      label: "submit a review, one reviewer alone (1 connection)",
      next: nextPost,
      expect: '"ok":true',
      connections: 1,
    },
    { key: "submitReview", label: "submit a review (server action)", next: nextPost, expect: '"ok":true' },
  ];
}

/** One request per page before measuring; throws with what came back if a page is not what we think. */
export async function checkPages(baseUrl: string, pages: Page[]) {
  for (const page of pages) {
    const step = page.next();
    if (step.method === "POST") {
      const { status, result } = await sendAction(baseUrl, step as ActionRequest);
      if (status !== 200 || !result.includes(page.expect)) throw new Error(`${page.label}: ${status} ${result}`);
      continue;
    }
    const res = await fetch(baseUrl + step.path, { headers: step.headers, redirect: "manual" });
    const body = await res.text();
    if (res.status !== 200 || !body.includes(page.expect)) {
      throw new Error(`${page.label}: ${step.path} answered ${res.status} ${res.headers.get("location") ?? ""} without "${page.expect}"`);
    }
  }
}
