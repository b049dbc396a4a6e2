import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepareSecrets, scanForSecrets, type Secret } from "@/tests/support/leak-scanner";

const LEA: Secret[] = [
  { kind: "name", value: "Léa Novak", owner: "Léa Novak" },
  { kind: "email", value: "lea.novak+cfp@example.org", owner: "Léa Novak" },
  { kind: "company", value: "Axiom Web", owner: "Léa Novak" },
  { kind: "bio", value: 'Maintains the "tokio-uring" bindings & writes about io_uring.', owner: "Léa Novak" },
  { kind: "website", value: "https://lea-novak.example.net/talks", owner: "Léa Novak" },
  { kind: "github", value: "lea-novak-dev", owner: "Léa Novak" },
  { kind: "mastodon", value: "@lea@hachyderm.example", owner: "Léa Novak" },
];
const ZOE: Secret = { kind: "name", value: "Zoë O'Brien", owner: "Zoë O'Brien" };

const found = (body: string, secrets: Secret[] = LEA) => scanForSecrets(body, secrets).leaks;
const kinds = (body: string, secrets: Secret[] = LEA) => [...new Set(found(body, secrets).map((h) => h.secret.kind))].sort();

/** A page a reviewer legitimately gets: the proposal, no speaker. */
const CLEAN_REVIEW_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>
<title>Review a proposal · CFP</title><meta name="description" content="Call for papers: submit, review and select conference talks."/></head>
<body><main><h1>Claude Code meets Axum: AI pair programming without giving up correctness</h1>
<dl class="details"><dt>Session type</dt><dd>Talk<!-- --> (30 min)</dd><dt>Level</dt><dd>Intermediate</dd></dl>
<p>In this talk, we’ll explore battle-tested best practices for integrating Claude Code into an Axum workflow.</p>
<p>Léa, Novak and Axiom are words, not a speaker: first names alone are never flagged.</p>
<form><input type="hidden" name="proposalId" value="cmwxrdhpf001bm47dfoyn8ens"/></form></main>
<script>self.__next_f.push([1,"5:[\\"$\\",\\"h1\\",null,{\\"children\\":\\"Claude Code meets Axum\\"}]\\n"])</script></body></html>`;

describe("scanForSecrets catches a secret however the page encodes it", () => {
  it("finds a name in the page title and in a meta tag", () => {
    const body = `<html><head><title>Léa Novak · CFP</title><meta name="author" content="Léa Novak"/></head><body></body></html>`;
    const hits = found(body);
    expect(hits.map((h) => h.excerpt)).toEqual([
      expect.stringContaining("<title>«Léa Novak»"),
      expect.stringContaining('content="«Léa Novak»"'),
    ]);
  });

  it("decodes named, decimal and hex HTML entities", () => {
    expect(kinds(`<meta property="og:title" content="Talk by L&eacute;a Novak"/>`)).toEqual(["name"]);
    expect(kinds(`<p>L&#233;a&#32;Novak</p>`)).toEqual(["name"]);
    expect(kinds(`<p>Zo&#xEB; O&#x27;Brien</p>`, [ZOE])).toEqual(["name"]);
    expect(kinds(`<p title="Zo&euml; O&#39;Brien"></p>`, [ZOE])).toEqual(["name"]);
    expect(kinds(`<p>Maintains the &quot;tokio-uring&quot; bindings &amp; writes about io_uring.</p>`)).toEqual(["bio"]);
  });

  it("finds a JSON-escaped bio in an RSC payload line", () => {
    const rsc = `7:["$","p",null,{"className":"bio","children":"Maintains the \\"tokio-uring\\" bindings \\u0026 writes about io\\u005furing."}]\n`;
    const [hit] = found(rsc);
    expect(hit.secret.kind).toBe("bio");
    expect(hit.excerpt).toContain('«Maintains the \\"tokio-uring\\" bindings \\u0026 writes about io\\u005furing.»');
  });

  it("decodes \\u0027, \\x27, \\/ and doubly escaped strings", () => {
    expect(kinds(`{"name":"Zo\\u00eb O\\u0027Brien"}`, [ZOE])).toEqual(["name"]);
    expect(kinds(`var n = 'Zo\\xEB O\\x27Brien';`, [ZOE])).toEqual(["name"]);
    expect(kinds(`{"url":"https:\\/\\/lea-novak.example.net\\/talks"}`)).toEqual(["website"]);
    expect(kinds(`"{\\"name\\":\\"Zo\\\\u00eb O\\\\u0027Brien\\"}"`, [ZOE])).toEqual(["name"]);
  });

  it("finds a URL-encoded email in an href, with %2B or a form-encoded name", () => {
    expect(kinds(`<a href="/contact?to=lea.novak%2Bcfp%40example.org">Contact</a>`)).toEqual(["email"]);
    expect(kinds(`<a href="mailto:LEA.NOVAK%2bCFP%40EXAMPLE.ORG">Contact</a>`)).toEqual(["email"]);
    expect(kinds(`<a href="/search?q=L%C3%A9a+Novak">x</a>`)).toEqual(["name"]);
    expect(kinds(`<a href="/search?q=L%E9a%20Novak">x</a>`)).toEqual(["name"]);
    expect(kinds(`<a href="/s?u=https%3A%2F%2Flea-novak.example.net%2Ftalks">x</a>`)).toEqual(["website"]);
  });

  it("matches NFD-decomposed, NFC and upper-case spellings of Léa Novak", () => {
    const nfd = "Le\u0301a Novak";
    expect(nfd).not.toBe("Léa Novak");
    expect(kinds(`<h3>${nfd}</h3>`)).toEqual(["name"]);
    expect(kinds(`<h3>Léa Novak</h3>`, [{ kind: "name", value: nfd }])).toEqual(["name"]);
    expect(kinds(`<h3>LÉA NOVAK</h3>`)).toEqual(["name"]);
    expect(kinds(`<h3>Lea Novak</h3>`)).toEqual(["name"]);
  });

  it("matches a name split by React's text comments, a tag or a line break", () => {
    expect(kinds(`<h3>Léa<!-- --> <!-- -->Novak</h3>`)).toEqual(["name"]);
    expect(kinds(`<h3><b>Léa</b> Novak</h3>`)).toEqual(["name"]);
    expect(kinds(`<h3>Léa\n     Novak</h3>`)).toEqual(["name"]);
    expect(kinds(`<h3>Léa&nbsp;Novak</h3>`)).toEqual(["name"]);
  });

  it("matches typographic apostrophes against a typed one", () => {
    expect(kinds(`<p>Zoë O’Brien</p>`, [ZOE])).toEqual(["name"]);
  });

  it("joins the inline RSC chunks of a page: a secret split between two pushes is still found", () => {
    const body = `<script>self.__next_f.push([1,"8:{\\"speaker\\":\\"Léa No"])</script><script>self.__next_f.push([1,"vak\\"}\\n"])</script>`;
    const [hit] = found(body);
    expect(hit).toMatchObject({ view: "flight", secret: { kind: "name" } });
  });

  it("finds profile links in their usual shapes", () => {
    expect(kinds(`<a href="https://github.com/lea-novak-dev">GitHub</a>`)).toEqual(["github"]);
    expect(kinds(`<a href="https://hachyderm.example/@lea">Mastodon</a>`)).toEqual(["mastodon"]);
    expect(kinds(`<a href="http://www.lea-novak.example.net/talks/">site</a>`)).toEqual(["website"]);
    expect(
      kinds(`<img src="https://avatars.example.org/u/4242?v=4"/>`, [{ kind: "image", value: "https://avatars.example.org/u/4242?v=4" }]),
    ).toEqual(["image"]);
  });

  it("finds a rendered bio whose markdown is gone, by its sentences", () => {
    const bio: Secret = {
      kind: "bio",
      value: "Builds **developer platforms** at scale. Talks about _async_ Rust at meetups across Europe.",
    };
    expect(
      kinds(`<p>Builds <strong>developer platforms</strong> at scale. Talks about <em>async</em> Rust at meetups across Europe.</p>`, [
        bio,
      ]),
    ).toEqual(["bio"]);
  });

  it("reports each place once, with the raw bytes around it", () => {
    const hits = found(`<a href="mailto:lea.novak+cfp@example.org">lea.novak+cfp@example.org</a>`);
    expect(hits).toHaveLength(2);
    expect(hits[0].excerpt).toBe(`<a href="mailto:«lea.novak+cfp@example.org»">lea.novak+cfp@example.org</a>`);
  });
});

describe("scanForSecrets does not cry wolf", () => {
  it("flags nothing on a clean review page", () => {
    expect(found(CLEAN_REVIEW_PAGE)).toEqual([]);
  });

  it("never flags a first name alone, and needs word boundaries", () => {
    expect(found(`<p>Léa wrote this. Novak too.</p><p>Axiom Webs and xlea.novak+cfp@example.org.uk</p>`)).toEqual([]);
  });

  it("excuses a secret inside longer text the viewer may see, but not elsewhere", () => {
    const priya: Secret = { kind: "company", value: "CrabHub", owner: "Priya Nair" };
    const title = "Taming private crates with CrabHub";
    const page = `<h1>${title}</h1><dl><dt>Company</dt><dd>CrabHub</dd></dl>`;
    const { leaks, excused } = scanForSecrets(page, [priya], { allow: [title] });
    expect(excused.map((h) => h.excerpt)).toEqual([expect.stringContaining(`«CrabHub»</h1>`)]);
    expect(leaks.map((h) => h.excerpt)).toEqual([expect.stringContaining(`<dd>«CrabHub»</dd>`)]);
    // An allowed text no longer than the secret excuses nothing.
    expect(scanForSecrets(`<p>CrabHub</p>`, [priya], { allow: ["CrabHub"] }).leaks).toHaveLength(1);
  });
});

describe("prepareSecrets skips what is too short or too common, never a name or an email", () => {
  it("skips short and common values, and says why", () => {
    const { needles, skipped } = prepareSecrets([
      { kind: "company", value: "IBM" },
      { kind: "company", value: "Freelance" },
      { kind: "location", value: "  " },
      { kind: "website", value: "https://github.com/" },
      { kind: "github", value: "sam" },
    ]);
    expect(skipped.map((s) => `${s.variant}: ${s.reason}`)).toEqual([
      "IBM: shorter than 4 characters",
      "Freelance: a common word",
      ": empty",
      "https://github.com/: a generic host",
      "github.com: a generic host",
      "sam: shorter than 4 characters",
    ]);
    // "sam" alone is too short, but a link to the profile is still searched.
    expect(needles.map((n) => n.variant)).toEqual(["github.com/sam"]);
  });

  it("keeps a full name and an email, however short", () => {
    const { needles, skipped } = prepareSecrets([{ kind: "name", value: "Al Li" }, { kind: "name", value: "Bo" }, "a@b.io"]);
    expect(skipped).toEqual([]);
    expect(needles.map((n) => `${n.secret.kind}:${n.text}`).sort()).toEqual(["email:a@b.io", "name:al li", "name:bo"]);
  });
});

// How a name may be spelled (applied first), then the encoders a framework or
// a template could put between the database and the wire.
const SPELLINGS: Record<string, (s: string) => string> = {
  asTyped: (s) => s,
  nfd: (s) => s.normalize("NFD"),
  upper: (s) => s.toUpperCase(),
};
const ENCODERS: Record<string, (s: string) => string> = {
  html: (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;"),
  numericEntities: (s) => [...s].map((c) => (/[a-z]/i.test(c) ? c : `&#${c.codePointAt(0)};`)).join(""),
  json: (s) => JSON.stringify(s).slice(1, -1).replace(/\//g, "\\/"),
  unicodeEscapes: (s) =>
    [...s].map((c) => (c.charCodeAt(0) < 0x80 && c !== "'" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)).join(""),
  url: encodeURIComponent,
  formUrl: (s) => encodeURIComponent(s).replace(/%20/g, "+"),
};

describe("property: a name is found under any spelling and stack of encodings", () => {
  const letters = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzéèëöüñçøåàí".split(""));
  const word = fc.array(letters, { minLength: 2, maxLength: 8 }).map((cs) => cs.join(""));
  const name = fc
    .tuple(word, fc.constantFrom(" ", "'", "-", " O'"), word)
    .map(([a, sep, b]) => `${a[0].toUpperCase()}${a.slice(1)}${sep}${b[0].toUpperCase()}${b.slice(1)}`);

  it("finds the name after up to three encoders, in any order", () => {
    const spelling = fc.constantFrom(...Object.keys(SPELLINGS));
    const stack = fc.array(fc.constantFrom(...Object.keys(ENCODERS)), { maxLength: 3 });
    fc.assert(
      fc.property(name, spelling, stack, (value, spelled, encoders) => {
        const encoded = encoders.reduce((s, key) => ENCODERS[key](s), SPELLINGS[spelled](value));
        const body = `<p>Some text before ${encoded} and after.</p>`;
        expect(found(body, [{ kind: "name", value }]), `${[spelled, ...encoders].join(" → ")}: ${encoded}`).toHaveLength(1);
      }),
      { seed: 20261207, numRuns: 500 },
    );
  });
});
