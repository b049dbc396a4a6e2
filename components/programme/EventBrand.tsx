import "./event-brand.css";

/**
 * An event's accent colour for everything inside `.event-branded`: links,
 * headings and primary buttons read --accent and --accent-strong. A <style>
 * with the request's nonce, as the CSP allows (ADR 0011); the colour was
 * checked as "#rrggbb" with enough contrast when saved.
 */
export function EventAccentStyle({ accent, nonce }: { accent: string | null; nonce: string | undefined }) {
  if (!accent || !/^#[0-9a-f]{6}$/.test(accent)) return null;
  return <style nonce={nonce}>{`.event-branded{--accent:${accent};--accent-strong:${accent}}`}</style>;
}

/** The event's logo, its text the event's name. */
export function EventLogo({ src, name, width, height }: { src: string; name: string; width: number; height: number }) {
  return (
    <p className="event-logo-wrap">
      {/* Served by this app under a content hash; next/image would fetch and resize it again. */}
      <img className="event-logo" src={src} alt={name} width={width} height={height} />
    </p>
  );
}
