import { db } from "@/lib/db";
import { eventLogo } from "@/lib/programme/branding/branding";

/**
 * An event's logo. The address carries the image's content hash, so it never
 * changes under a reader: cached for a year; an old hash answers 404. The type
 * is the one read from the bytes at upload (PNG, JPEG or WebP), and nosniff
 * keeps browsers from guessing another.
 */
export async function GET(_req: Request, { params }: { params: Promise<{ slug: string; hash: string }> }) {
  const { slug, hash } = await params;
  const logo = /^[0-9a-f]{16}$/.test(hash) ? await eventLogo(db, slug, hash) : null;
  if (!logo) return new Response("No such logo.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(logo.bytes), {
    headers: {
      "content-type": logo.type,
      "content-length": String(logo.bytes.length),
      "x-content-type-options": "nosniff",
      "cache-control": "public, max-age=31536000, immutable",
      "content-disposition": "inline",
    },
  });
}
