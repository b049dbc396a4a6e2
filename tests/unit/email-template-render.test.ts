import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, PLACEHOLDERS, TEMPLATE_KINDS } from "@/lib/email/event-templates/kinds";
import { renderTemplate, unknownPlaceholders } from "@/lib/email/event-templates/render";
import { placeholderMistakes } from "@/lib/email/event-templates/save";
import { templateInput } from "@/lib/email/event-templates/schemas";
import { textToHtml } from "@/lib/email/outbox";

const values = {
  speaker_name: "Ada Lovelace",
  talk_title: "Pin, Wakers and You",
  event_name: "RustFest",
  proposal_url: "https://cfp.example/speaker/proposals/p1",
  confirm_url: "https://cfp.example/respond/SIGNED.TOKEN",
  deadline: "1 Mar 2027, 18:00",
};

/** What the outbox stores: the rendered text and its HTML part. */
function mail(template: { subject: string; body: string }, v: Record<string, string>) {
  const rendered = renderTemplate(template, v);
  return { ...rendered, html: textToHtml(rendered.body) };
}

describe("renderTemplate", () => {
  it("fills every placeholder of the default templates that the kind provides", () => {
    for (const kind of TEMPLATE_KINDS) {
      const filled = Object.fromEntries(PLACEHOLDERS[kind].map((k) => [k, `<${k}>`]));
      const out = renderTemplate(DEFAULT_TEMPLATES[kind], filled);
      expect(`${out.subject}\n${out.body}`, kind).not.toMatch(/\{[a-z_]+\}/);
    }
  });

  it("renders in one pass: a title that looks like a placeholder stays text and never becomes a link", () => {
    const out = renderTemplate(
      { subject: "About {talk_title}", body: "{talk_title}\n{speaker_name}\n{confirm_url}" },
      {
        ...values,
        talk_title: "{confirm_url}",
        speaker_name: "{talk_title} {deadline}",
      },
    );
    expect(out.subject).toBe("About {confirm_url}");
    expect(out.body).toBe(`{confirm_url}\n{talk_title} {deadline}\n${values.confirm_url}`);
    expect(out.body.split(values.confirm_url)).toHaveLength(2); // the real link appears exactly once
  });

  it("leaves unknown placeholders and inherited property names as written", () => {
    const out = renderTemplate({ subject: "{nope}", body: "{constructor} {__proto__} {to_string} {speaker_name}" }, values);
    expect(out.subject).toBe("{nope}");
    expect(out.body).toBe("{constructor} {__proto__} {to_string} Ada Lovelace");
  });

  it("keeps values as plain text in the text part and escapes them in the HTML part", () => {
    const m = mail(DEFAULT_TEMPLATES.accepted, {
      ...values,
      talk_title: `<script>alert("x")</script>`,
      speaker_name: `"><img src=x onerror=alert(1)>`,
    });
    expect(m.body).toContain(`"<script>alert("x")</script>"`);
    expect(m.body).toContain(`Hi "><img src=x onerror=alert(1)>,`);
    expect(m.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(m.html).toContain("Hi &quot;&gt;&lt;img src=x onerror=alert(1)&gt;,");
    expect(m.html).not.toMatch(/<script|<img/i);
    // The only tags are the wrapper, line breaks and the links of the template itself.
    expect([...m.html.matchAll(/<([a-z]+)/g)].map((t) => t[1]).filter((t) => t !== "br")).toEqual(["div", "a", "a"]);
  });

  it("links only http(s) addresses, and an address in a title cannot break out of its link", () => {
    const m = mail(
      { subject: "s", body: "{talk_title}" },
      { talk_title: `javascript:alert(1) https://x.example/"><b onmouseover=alert(1)>hi` },
    );
    expect(m.html).not.toContain('href="javascript');
    expect(m.html).not.toMatch(/<b[\s>]/);
    const anchors = [...m.html.matchAll(/<a href="([^"]*)">/g)].map((a) => a[1]);
    expect(anchors).toEqual(["https://x.example/&quot;&gt;&lt;b"]);
  });

  it("turns line breaks inside values into spaces in the subject, so no header can be added", () => {
    const out = renderTemplate(
      { subject: "Accepted: {talk_title}", body: "{talk_title}" },
      { talk_title: "Line one\r\nBcc: victim@example.org\nX\rY" },
    );
    expect(out.subject).toBe("Accepted: Line one Bcc: victim@example.org X Y");
    expect(out.subject).not.toMatch(/[\r\n]/);
    expect(out.body).toBe("Line one\r\nBcc: victim@example.org\nX\rY"); // the body keeps them
  });
});

describe("unknownPlaceholders", () => {
  it("accepts the default templates", () => {
    for (const kind of TEMPLATE_KINDS) expect(unknownPlaceholders(kind, DEFAULT_TEMPLATES[kind]), kind).toEqual([]);
  });

  it("lists typos and placeholders of other kinds once each, from subject and body", () => {
    expect(
      unknownPlaceholders("rejected", { subject: "{speakername}", body: "{confirm_url} {speakername} {talk_title} {invite_url}" }),
    ).toEqual(["speakername", "confirm_url", "invite_url"]);
  });

  it("knows each kind's own placeholders", () => {
    expect(unknownPlaceholders("accepted", { subject: "", body: "{confirm_url} {deadline}" })).toEqual([]);
    expect(unknownPlaceholders("review-assignment", { subject: "", body: "{reviewer_name} {count} {speaker_name}" })).toEqual([
      "speaker_name",
    ]);
  });
});

describe("placeholderMistakes", () => {
  it("also catches braces that rendering would leave as written: capitals, spaces, dashes", () => {
    expect(placeholderMistakes("accepted", "Hi {Speaker_Name}, { talk_title } at {event-name} by {deadline}: {speakername}")).toEqual([
      "{speakername}",
      "{Speaker_Name}",
      "{ talk_title }",
      "{event-name}",
    ]);
  });

  it("leaves braces that are not words alone", () => {
    expect(placeholderMistakes("accepted", "Code: fn main() {} and {1, 2} and {{speaker_name}}")).toEqual([]);
  });
});

describe("templateInput", () => {
  it("makes the subject one line and limits subject and body", () => {
    expect(templateInput.parse({ subject: "  Accepted:\r\n {talk_title}  ", body: "Hi\r\nthere" })).toEqual({
      subject: "Accepted: {talk_title}",
      body: "Hi\nthere",
    });
    expect(templateInput.safeParse({ subject: "x".repeat(201), body: "b" }).success).toBe(false);
    expect(templateInput.safeParse({ subject: "s", body: "x".repeat(10_001) }).success).toBe(false);
    expect(templateInput.safeParse({ subject: "x".repeat(200), body: "x".repeat(10_000) }).success).toBe(true);
    expect(templateInput.safeParse({ subject: " ", body: "b" }).success).toBe(false);
  });
});
