import { EventAccentStyle, EventLogo } from "@/components/programme/EventBrand";
import { loadBrandingView, logoPath } from "./branding";

/** A public event page in the event's own look: its accent colour and, above the content, its logo. */
export async function Branded({ slug, name, children }: { slug: string; name: string; children: React.ReactNode }) {
  const { branding, nonce } = await loadBrandingView(slug);
  const logo = branding?.logo;
  return (
    <article className="stack event-branded">
      <EventAccentStyle accent={branding?.accentColor ?? null} nonce={nonce} />
      {logo && <EventLogo src={logoPath(slug, logo.hash)} name={name} width={logo.width} height={logo.height} />}
      {children}
    </article>
  );
}
