// What a form holds but has not saved, kept in this tab's sessionStorage so
// that leaving the page (a link, a reload, a crash) does not lose it: the
// form offers it back when it is opened again. sessionStorage, not
// localStorage: it ends with the tab, so a shared computer keeps nothing.

export type Backup = { keptAt: string; entries: [string, string][] };

const PREFIX = "cfp.unsaved:";

export function formEntries(form: HTMLFormElement): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of new FormData(form)) if (typeof v === "string" && !k.startsWith("$ACTION")) out.push([k, v]);
  return out;
}

export function readBackup(key: string): Backup | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    const parsed = raw ? (JSON.parse(raw) as Backup) : null;
    return parsed && Array.isArray(parsed.entries) && typeof parsed.keptAt === "string" ? parsed : null;
  } catch {
    return null;
  }
}

export function writeBackup(key: string, entries: [string, string][], now: Date): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify({ keptAt: now.toISOString(), entries } satisfies Backup));
  } catch {
    // Storage full or refused: the leave guard still asks before anything is lost.
  }
}

/** The value a backup kept for one field. */
export function keptValue(backup: Backup, name: string): string | undefined {
  return backup.entries.find(([k]) => k === name)?.[1];
}

export function clearBackup(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear.
  }
}

/** Sets a field as typing would, so React's onChange (counters, previews) and the form's listeners hear it. */
function setFieldValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, value);
  el.dispatchEvent(new Event("input", { bubbles: true }));
  el.dispatchEvent(new Event("change", { bubbles: true }));
}

/**
 * Puts the kept values back into the form's fields. Hidden fields (the
 * proposal's version, ids) keep what the page says: the caller compares the
 * kept version with the page's and says so when they differ.
 */
export function applyEntries(form: HTMLFormElement, entries: [string, string][]): void {
  const values = new Map<string, string[]>();
  for (const [k, v] of entries) values.set(k, [...(values.get(k) ?? []), v]);
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) continue;
    if (!el.name || el.name.startsWith("$ACTION") || ["submit", "button", "hidden"].includes(el.type)) continue;
    const kept = values.get(el.name) ?? [];
    if (el instanceof HTMLInputElement && (el.type === "radio" || el.type === "checkbox")) {
      const checked = kept.includes(el.value);
      if (el.checked !== checked) {
        el.checked = checked;
        el.dispatchEvent(new Event("change", { bubbles: true }));
      }
    } else if (kept.length > 0 && el.value !== kept[0]) {
      setFieldValue(el, kept[0]);
    }
  }
}
