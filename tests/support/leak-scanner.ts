// A leak scanner for blind review: given the strings that identify speakers
// ("secrets") and a response body (HTML, an RSC payload, JSON, a server
// action response), report every secret found, with the raw bytes around it.
// Framework-free, so unit tests and Playwright specs use it alike.
//
// Matching (see leak-scanner-text.ts): case-insensitive; through HTML
// entities, JSON/JS string escapes, URL-encoding and nested combinations of
// them; NFC, NFD and accent-stripped spellings alike; typographic quotes and
// dashes as ASCII; any run of whitespace (or a form-encoded `+`) as one
// space. A secret that starts or ends with a letter or digit must stand at a
// word boundary ("Axiom Web" is not found in "Axiom Webs").
//
// What is searched for each kind of secret:
// - name: the full name only, never skipped, whatever its length. A first or
//   last name alone is not searched: "Sam" or "Chen" appear in ordinary text
//   and would bury real leaks under false alarms.
// - email: the whole address, never skipped. Its local part alone is not searched.
// - website, image: the URL, and the URL without scheme, "www." and trailing "/".
// - github: the value, the bare handle, and "github.com/<handle>".
// - mastodon: the value, "user@host" and "host/@user".
// - bio: the whole bio, and each sentence or markdown-free run of it of at
//   least 3 words and 16 characters (a rendered bio loses its markdown).
// - company, location, other: the value.
// Skipped, except names and emails: anything under 4 characters once folded,
// a common word (COMMON_WORDS: "freelance", "remote", "none"…), and a bare
// generic host ("github.com"). Skipped secrets are returned, so a caller can
// show what was not searched.
import { canonical, viewsOf, type View } from "./leak-scanner-text";

export type SecretKind = "name" | "email" | "bio" | "company" | "location" | "website" | "github" | "mastodon" | "image" | "other";
/** Something that identifies a speaker; `owner` says whose it is in reports. */
export type Secret = { kind: SecretKind; value: string; owner?: string };

export type Needle = { secret: Secret; variant: string; text: string };
export type SkippedSecret = { secret: Secret; variant: string; reason: string };
export type PreparedSecrets = { needles: Needle[]; skipped: SkippedSecret[] };

export const MIN_LENGTH = 4;
export const COMMON_WORDS = new Set([
  "none",
  "n/a",
  "null",
  "undefined",
  "unknown",
  "private",
  "secret",
  "test",
  "example",
  "home",
  "freelance",
  "freelancer",
  "independent",
  "self-employed",
  "self employed",
  "consultant",
  "contractor",
  "student",
  "retired",
  "unemployed",
  "remote",
  "anywhere",
  "earth",
  "world",
  "internet",
  "online",
  "developer",
  "engineer",
  "speaker",
  "software",
  "rust",
  "rustacean",
  "github",
  "gitlab",
  "mastodon",
  "twitter",
  "website",
  "blog",
  "company",
  "startup",
  "open source",
]);
const GENERIC_HOSTS = new Set([
  "github.com",
  "gitlab.com",
  "codeberg.org",
  "twitter.com",
  "x.com",
  "linkedin.com",
  "bsky.app",
  "mastodon.social",
  "medium.com",
  "dev.to",
  "youtube.com",
  "example.com",
  "example.org",
  "localhost",
]);
const NEVER_SKIPPED: SecretKind[] = ["name", "email"];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const withoutScheme = (url: string) =>
  url
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/+$/, "");

/** Sentences and markdown-free runs of a long text, as they may appear once rendered. */
export function fragmentsOf(text: string, minWords = 3, minLength = 16): string[] {
  return text
    .split(/[\r\n]+|[*_`#>|~[\]()!]+|(?<=[.!?;:])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= minWords && canonical(s).length >= minLength);
}

function variantsOf({ kind, value }: Secret): string[] {
  const v = value.trim();
  switch (kind) {
    case "website":
    case "image":
      return [v, withoutScheme(v)];
    case "github": {
      const handle = v
        .replace(/^https?:\/\/(www\.)?github\.com\//i, "")
        .replace(/^@/, "")
        .replace(/\/+$/, "");
      return [v, handle, `github.com/${handle}`];
    }
    case "mastodon": {
      const handle = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(v);
      const url = /^https?:\/\/([^/\s]+)\/@([^/\s]+)/i.exec(v);
      const [user, host] = handle ? [handle[1], handle[2]] : url ? [url[2], url[1]] : [];
      return user && host ? [v, `${user}@${host}`, `${host}/@${user}`] : [v];
    }
    case "bio":
      return [v, ...fragmentsOf(v)];
    default:
      return [v];
  }
}

function skipReason(kind: SecretKind, text: string): string | null {
  if (!text) return "empty";
  if (NEVER_SKIPPED.includes(kind)) return null;
  if (text.length < MIN_LENGTH) return `shorter than ${MIN_LENGTH} characters`;
  if (COMMON_WORDS.has(text)) return "a common word";
  if (GENERIC_HOSTS.has(withoutScheme(text))) return "a generic host";
  return null;
}

/** Turns secrets into the needles searched for, and says which were skipped and why. */
export function prepareSecrets(secrets: Array<Secret | string>): PreparedSecrets {
  const needles: Needle[] = [];
  const skipped: SkippedSecret[] = [];
  for (const input of secrets) {
    const secret: Secret = typeof input === "string" ? { kind: EMAIL.test(input.trim()) ? "email" : "other", value: input } : input;
    const seen = new Set<string>();
    for (const variant of variantsOf(secret)) {
      const text = canonical(variant);
      if (seen.has(text)) continue;
      seen.add(text);
      const reason = skipReason(secret.kind, text);
      if (reason) skipped.push({ secret, variant, reason });
      else needles.push({ secret, variant, text });
    }
  }
  // Longest first: where a URL and its bare host both match, the URL is reported.
  needles.sort((a, b) => b.text.length - a.text.length);
  return { needles, skipped };
}

export type Hit = {
  secret: Secret;
  /** The form of the secret that matched (e.g. the bare handle of a GitHub URL). */
  variant: string;
  view: View["name"];
  /** Where the hit is in the raw body (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The raw body around the hit, the hit between « ». */
  excerpt: string;
};
export type ScanResult = {
  leaks: Hit[];
  /** Hits inside text the viewer may see (`allow`), e.g. a speaker naming their own company in their abstract. */
  excused: Hit[];
};
export type ScanOptions = {
  /** Texts the viewer is meant to see (titles, abstracts…): a hit wholly inside a longer allowed text is excused. */
  allow?: string[];
  /** Characters of context each side of a hit. */
  radius?: number;
  /** Hits reported per secret and body. */
  maxHitsPerSecret?: number;
};

const WORD_CHAR = /[\p{L}\p{N}]/u;

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  const boundedStart = WORD_CHAR.test(needle[0]);
  const boundedEnd = WORD_CHAR.test(needle[needle.length - 1]);
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) {
    if (boundedStart && i > 0 && WORD_CHAR.test(haystack[i - 1])) continue;
    const after = haystack[i + needle.length];
    if (boundedEnd && after !== undefined && WORD_CHAR.test(after)) continue;
    found.push(i);
  }
  return found;
}

export function excerptOf(body: string, start: number, end: number, radius = 40): string {
  const clean = (s: string) => s.replace(/\s+/g, " ");
  let hit = clean(body.slice(start, end));
  if (hit.length > 120) hit = `${hit.slice(0, 58)}…${hit.slice(-58)}`;
  const before = clean(body.slice(Math.max(0, start - radius), start));
  const after = clean(body.slice(end, end + radius));
  return `${start > radius ? "…" : ""}${before}«${hit}»${after}${end + radius < body.length ? "…" : ""}`;
}

const allowedPiecesCache = new Map<string, string[]>();

/** An allowed text and its sentences, canonical, as they may appear once rendered. */
function allowedPieces(text: string): string[] {
  let pieces = allowedPiecesCache.get(text);
  if (!pieces) {
    pieces = [...new Set([text, ...fragmentsOf(text, 1, 12)].map(canonical))].filter((p) => p.length >= 12);
    allowedPiecesCache.set(text, pieces);
  }
  return pieces;
}

function allowedRanges(view: View, allow: string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const piece of allow.flatMap(allowedPieces)) {
    for (const at of occurrences(view.text, piece)) ranges.push([at, at + piece.length]);
  }
  return ranges;
}

/** Every secret found in `body`, each hit with the raw bytes around it. */
export function scanForSecrets(body: string, secrets: PreparedSecrets | Array<Secret | string>, options: ScanOptions = {}): ScanResult {
  const { needles } = Array.isArray(secrets) ? prepareSecrets(secrets) : secrets;
  const { allow = [], radius = 40, maxHitsPerSecret = 10 } = options;
  const candidates: Array<Hit & { excused: boolean; length: number }> = [];
  for (const view of viewsOf(body)) {
    let allowed: Array<[number, number]> | undefined; // found only once a secret is: most bodies have none
    for (const needle of needles) {
      for (const at of occurrences(view.text, needle.text)) {
        const end = at + needle.text.length;
        allowed ??= allowedRanges(view, allow);
        const excused = allowed.some(([a, b]) => a <= at && end <= b && b - a > end - at);
        const rawStart = view.map[at];
        const rawEnd = view.map[end - 1] + 1;
        candidates.push({
          secret: needle.secret,
          variant: needle.variant,
          view: view.name,
          start: rawStart,
          end: rawEnd,
          excerpt: excerptOf(body, rawStart, rawEnd, radius),
          excused,
          length: needle.text.length,
        });
      }
    }
  }
  // One report per place a secret was found: a leak seen in any view beats an
  // excused one, and a longer form of the secret beats a shorter one.
  candidates.sort((a, b) => Number(a.excused) - Number(b.excused) || b.length - a.length || a.start - b.start);
  const kept = new Map<Secret, Array<Hit & { excused: boolean }>>();
  const result: ScanResult = { leaks: [], excused: [] };
  for (const { excused, length: _length, ...hit } of candidates) {
    const same = kept.get(hit.secret) ?? [];
    if (same.some((k) => k.start < hit.end && hit.start < k.end)) continue;
    if (same.filter((k) => k.excused === excused).length >= maxHitsPerSecret) continue;
    same.push({ ...hit, excused });
    kept.set(hit.secret, same);
    (excused ? result.excused : result.leaks).push(hit);
  }
  for (const list of [result.leaks, result.excused]) list.sort((a, b) => a.start - b.start);
  return result;
}

export type LocatedHit = Hit & { where: string };

/** One readable block per hit: where, whose secret of which kind, and the raw excerpt. */
export function formatHits(hits: LocatedHit[]): string {
  return hits
    .map((h) => {
      const whose = h.secret.owner ? ` of ${h.secret.owner}` : "";
      const form = h.variant === h.secret.value ? "" : ` (as "${h.variant}")`;
      return `- ${h.where}\n    ${h.secret.kind}${whose}: "${h.secret.value}"${form} [${h.view} view]\n    ${h.excerpt}`;
    })
    .join("\n");
}
