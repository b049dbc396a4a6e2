// Text views for the leak scanner (tests/support/leak-scanner.ts): a response
// body decoded from every encoding a secret can hide behind, then folded to a
// canonical form, while remembering where each character came from in the
// original body so a hit can be shown as the raw bytes around it.
// Framework-free: no Next.js, Playwright or vitest imports.

/** A string plus, for each of its UTF-16 units, the index in the original body it came from. */
export type Mapped = { text: string; map: number[] };

export function mapped(text: string): Mapped {
  return { text, map: Array.from({ length: text.length }, (_, i) => i) };
}

/**
 * Replaces every match of `pattern` (global) with `replace(match)`, or keeps
 * it when that returns null. Replacement characters point at the match's
 * first source index, except the last one, which points at its last: a hit
 * then spans the whole encoded sequence in the original body.
 */
function rewrite(input: Mapped, pattern: RegExp, replace: (m: RegExpExecArray) => string | null): Mapped {
  let text = "";
  const map: number[] = [];
  let last = 0;
  const copy = (from: number, to: number) => {
    text += input.text.slice(from, to);
    for (let i = from; i < to; i++) map.push(input.map[i]);
  };
  for (let m = pattern.exec(input.text); m; m = pattern.exec(input.text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const out = replace(m);
    if (out === null) continue;
    copy(last, m.index);
    const first = input.map[m.index];
    const end = input.map[m.index + m[0].length - 1];
    for (let i = 0; i < out.length; i++) map.push(i === out.length - 1 ? end : first);
    text += out;
    last = m.index + m[0].length;
  }
  copy(last, input.text.length);
  return { text, map };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
  at: "@",
  commat: "@",
  sol: "/",
  colon: ":",
  period: ".",
  plus: "+",
  percnt: "%",
  num: "#",
  equals: "=",
  lowbar: "_",
  hyphen: "-",
  aacute: "á",
  agrave: "à",
  acirc: "â",
  atilde: "ã",
  auml: "ä",
  aring: "å",
  aelig: "æ",
  ccedil: "ç",
  eacute: "é",
  egrave: "è",
  ecirc: "ê",
  euml: "ë",
  iacute: "í",
  igrave: "ì",
  icirc: "î",
  iuml: "ï",
  ntilde: "ñ",
  oacute: "ó",
  ograve: "ò",
  ocirc: "ô",
  otilde: "õ",
  ouml: "ö",
  oslash: "ø",
  uacute: "ú",
  ugrave: "ù",
  ucirc: "û",
  uuml: "ü",
  yacute: "ý",
  yuml: "ÿ",
  szlig: "ß",
  scaron: "š",
  zcaron: "ž",
};

function fromCodePoint(n: number): string | null {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : null;
}

/** `&amp;` `&#39;` `&#x27;` `&eacute;` … (the semicolon is optional, as browsers allow). */
function decodeHtmlEntities(input: Mapped): Mapped {
  return rewrite(input, /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (m) => {
    if (m[1]) return fromCodePoint(parseInt(m[1], 10));
    if (m[2]) return fromCodePoint(parseInt(m[2], 16));
    const named = NAMED_ENTITIES[m[3]] ?? NAMED_ENTITIES[m[3].toLowerCase()];
    return named ?? null;
  });
}

const SIMPLE_ESCAPES: Record<string, string> = { b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "0": "\0" };

/** JSON and JavaScript string escapes: `\u0027`, `\u{1F980}`, `\x27`, `\"`, `\/`, `\\`, `\n` … */
function decodeJsEscapes(input: Mapped): Mapped {
  return rewrite(input, /\\(?:u\{([0-9a-fA-F]{1,6})\}|u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))/gs, (m) => {
    const hex = m[1] ?? m[2] ?? m[3];
    if (hex) return fromCodePoint(parseInt(hex, 16));
    return SIMPLE_ESCAPES[m[4]] ?? m[4];
  });
}

/** `%40`, `%C3%A9` (UTF-8), and a lone Latin-1 byte like `%E9` as a last resort. */
function decodePercent(input: Mapped): Mapped {
  return rewrite(input, /(?:%[0-9a-fA-F]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m[0]);
    } catch {
      return m[0].replace(/%([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

/** Peels encodings until nothing changes: a bio can be JSON-escaped inside a script inside HTML. */
export function decodeLayers(input: Mapped, maxRounds = 4): Mapped {
  let current = input;
  for (let round = 0; round < maxRounds; round++) {
    const next = decodePercent(decodeJsEscapes(decodeHtmlEntities(current)));
    if (next.text === current.text) return next;
    current = next;
  }
  return current;
}

const ZERO_WIDTH = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
const APOSTROPHES = /[\u2018\u2019\u201a\u201b\u02bc\u2032\u00b4`]/;
const QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DASHES = /[\u2010-\u2015\u2212]/;
const SPACE_LIKE = /[\s+]/;

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    if (ch === "+" || /\s/.test(ch)) return " ";
    return ch.toLowerCase();
  }
  if (ZERO_WIDTH.test(ch)) return "";
  if (SPACE_LIKE.test(ch)) return " ";
  if (APOSTROPHES.test(ch)) return "'";
  if (QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return "-";
  // NFKD splits "é" into "e" + U+0301 (and "ﬁ" into "fi"); dropping the marks
  // makes NFC, NFD and accent-stripped spellings of a name compare equal.
  return ch.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * The canonical form both secrets and bodies are compared in: lower case,
 * diacritics and zero-width characters removed, typographic quotes and dashes
 * made ASCII, and `+` (form-encoded space) and every run of whitespace made
 * one space.
 */
export function fold(input: Mapped): Mapped {
  let text = "";
  const map: number[] = [];
  let i = 0;
  for (const ch of input.text) {
    let out = foldChar(ch);
    if (out === " " && text.endsWith(" ")) out = "";
    text += out;
    for (let k = 0; k < out.length; k++) map.push(input.map[i]);
    i += ch.length;
  }
  return { text, map };
}

/** Canonical form of a secret or an allowed text: decoded, folded, trimmed. */
export function canonical(value: string): string {
  return fold(decodeLayers(mapped(value))).text.trim();
}

/** HTML with comments removed (React writes `<!-- -->` between text nodes) and tags made spaces. */
function stripMarkup(input: Mapped): Mapped {
  const noComments = rewrite(input, /<!--[\s\S]*?-->/g, () => "");
  return rewrite(noComments, /<\/?[A-Za-z][^<>]*>/g, () => " ");
}

/**
 * The React Server Components payload Next.js inlines in a page as
 * `self.__next_f.push([1,"…"])` chunks, joined back together: a chunk
 * boundary can fall in the middle of a secret.
 */
function inlineFlight(input: Mapped): Mapped | null {
  const pattern = /self\.__next_f\.push\(\[1,"((?:[^"\\]|\\[\s\S])*)"\]\)/g;
  let text = "";
  const map: number[] = [];
  for (let m = pattern.exec(input.text); m; m = pattern.exec(input.text)) {
    const start = m.index + m[0].indexOf('"') + 1;
    text += m[1];
    for (let i = 0; i < m[1].length; i++) map.push(input.map[start + i]);
  }
  return text ? { text, map } : null;
}

export type View = { name: "raw" | "text" | "flight"; text: string; map: number[] };

/**
 * Every canonical view of a body a secret is searched in: the whole body
 * decoded ("raw"), the body without markup ("text": catches a name split
 * by tags or React's comments), and the inlined RSC payload ("flight").
 */
export function viewsOf(body: string): View[] {
  const source = mapped(body);
  const views: View[] = [{ name: "raw", ...fold(decodeLayers(source)) }];
  if (/<[A-Za-z!/]/.test(body)) views.push({ name: "text", ...fold(decodeLayers(stripMarkup(source))) });
  const flight = inlineFlight(source);
  if (flight) views.push({ name: "flight", ...fold(decodeLayers(flight)) });
  return views;
}
