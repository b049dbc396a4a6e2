// One guard for every form on the page with unsaved input: leaving the page
// (closing the tab, reloading, an in-app link, a keyboard shortcut that
// navigates) asks first. Forms register a "has unsaved input?" check.

export const LEAVE_MESSAGE = "You have unsaved changes. Leave this page and lose them?";

const checks = new Set<() => boolean>();

function anyDirty(): boolean {
  for (const dirty of checks) if (dirty()) return true;
  return false;
}

/** True when nothing is unsaved, or the person chose to leave anyway. */
export function confirmLeave(): boolean {
  return !anyDirty() || window.confirm(LEAVE_MESSAGE);
}

function onBeforeUnload(e: BeforeUnloadEvent) {
  if (!anyDirty()) return;
  e.preventDefault();
  // Older browsers show the prompt only when returnValue is set.
  e.returnValue = "";
}

/** Links are followed by Next's router after React sees the click: this runs first (capture phase on window). */
function onClickCapture(e: MouseEvent) {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const link = e.target instanceof Element ? e.target.closest("a[href]") : null;
  if (!(link instanceof HTMLAnchorElement) || link.target === "_blank" || link.hasAttribute("download")) return;
  const url = new URL(link.href, location.href);
  // A link to this very page (an anchor) leaves nothing.
  if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) return;
  if (confirmLeave()) return;
  e.preventDefault();
  e.stopPropagation();
}

/** Registers a form's check; returns the function that removes it. */
export function registerLeaveCheck(dirty: () => boolean): () => void {
  if (checks.size === 0) {
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClickCapture, true);
  }
  checks.add(dirty);
  return () => {
    checks.delete(dirty);
    if (checks.size === 0) {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClickCapture, true);
    }
  };
}
