import { expect, test, type Page } from "@playwright/test";
import { DEMO_EVENT_SLUG as EVENT, escapeRegExp, submitProposalAsNewSpeaker, unique } from "./support/data";
import { signInAsDemo } from "./support/sign-in";

type Focused = {
  tag: string;
  type: string | null;
  name: string | null;
  text: string;
  checked: boolean | null;
  focusVisible: boolean;
  outlineStyle: string;
  outlineWidth: string;
};

async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) {
      return { tag: "body", type: null, name: null, text: "", checked: null, focusVisible: false, outlineStyle: "none", outlineWidth: "0px" };
    }
    const style = getComputedStyle(el);
    const input = el instanceof HTMLInputElement ? el : null;
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      name: el.getAttribute("name"),
      text: (el.innerText || el.getAttribute("aria-label") || (input ? input.labels?.[0]?.innerText : "") || "").trim(),
      checked: input ? input.checked : null,
      focusVisible: el.matches(":focus-visible"),
      outlineStyle: style.outlineStyle,
      outlineWidth: style.outlineWidth,
    };
  });
}

/** Whatever has focus shows a visible outline. */
function expectVisibleFocus(f: Focused) {
  const what = `<${f.tag}${f.type ? ` type=${f.type}` : ""}> "${f.text}"`;
  expect(f.tag, "something has focus").not.toBe("body");
  expect(f.focusVisible, `${what} matches :focus-visible`).toBe(true);
  expect(f.outlineStyle, `${what} has a focus outline`).not.toBe("none");
  expect(parseFloat(f.outlineWidth), `${what} focus outline width`).toBeGreaterThan(0);
}

/** Presses Tab until `match` says the focused element is the one wanted, checking every stop on the way. */
async function tabTo(page: Page, match: (f: Focused) => boolean, what: string, maxStops = 40): Promise<Focused> {
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    expectVisibleFocus(f);
    if (match(f)) return f;
  }
  throw new Error(`${what} not reached within ${maxStops} Tab presses`);
}

test("a reviewer scores a proposal with the keyboard only, and focus is always visible", async ({ browser }) => {
  const title = `Keyboard-first CLIs with clap ${unique()}`;
  const speaker = await (await browser.newContext()).newPage();
  await submitProposalAsNewSpeaker(speaker, { title, abstract: "Argument parsing, help text and shell completions.", speakerName: "kbd" });

  const page = await (await browser.newContext()).newPage();
  await signInAsDemo(page, "Ravi Menon");
  await page.goto(`/review/${EVENT}`);
  await expect(page.getByRole("heading", { level: 1, name: "RustFest Lyon 2027" })).toBeVisible();

  // A link: the proposal in the queue. Enter opens it.
  const link = await tabTo(page, (f) => f.tag === "a" && f.text === title, `the "${title}" link`);
  expect(link.outlineStyle).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/review/${EVENT}/[^/]+$`));

  // A radio: Tab enters the score group on its first choice, Space picks it, arrows move the choice.
  const firstRadio = await tabTo(page, (f) => f.tag === "input" && f.type === "radio" && f.name === "score", "the score radios");
  expect(firstRadio.text).toBe("1 — Poor");
  await page.keyboard.press("Space");
  await expect(page.getByRole("radio", { name: "1 — Poor" })).toBeChecked();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  const radio = await focused(page);
  expectVisibleFocus(radio);
  expect(radio.text).toBe("4 — Good");
  expect(radio.checked).toBe(true);
  await expect(page.getByRole("radio", { name: "4 — Good" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "4 — Good" })).toBeFocused();

  // The comment, then the button: Enter saves.
  await tabTo(page, (f) => f.tag === "textarea" && f.name === "comment", "the comment", 3);
  await page.keyboard.type("Clear scope; reviewed without a mouse.");
  const button = await tabTo(page, (f) => f.tag === "button" && f.text === "Save review", "the Save review button", 3);
  expect(button.outlineStyle).not.toBe("none");
  await page.keyboard.press("Enter");
  const review = page.getByRole("region", { name: "Your review" });
  await expect(review.getByRole("status")).toHaveText("Review saved.");

  // Saved for real.
  await page.reload();
  await expect(page.getByRole("radio", { name: "4 — Good" })).toBeChecked();
  await expect(page.getByLabel("Comment")).toHaveValue("Clear scope; reviewed without a mouse.");
  await expect(page.getByRole("button", { name: "Update review" })).toBeVisible();
  await page.goto(`/review/${EVENT}`);
  await expect(page.getByRole("row", { name: new RegExp(escapeRegExp(title)) })).toContainText("4 / 5");
});
