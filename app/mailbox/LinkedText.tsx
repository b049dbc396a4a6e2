// The demo mailbox shows messages as text; the app's own links in them (sign-in, response and
// invitation links) become clickable. Nothing else does: a message can quote what a speaker typed.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

export function LinkedText({ text, origin }: { text: string; origin: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?)]+$/, "");
    if (!isOwn(url, origin)) continue;
    parts.push(
      text.slice(last, match.index),
      <a key={match.index} href={url}>
        {url}
      </a>,
    );
    last = match.index + url.length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

function isOwn(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}
