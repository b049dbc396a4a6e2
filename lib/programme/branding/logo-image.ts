// What a logo upload is, read from its own bytes: the declared type and file
// name are ignored. PNG, JPEG and WebP only (never SVG, which can carry
// script); the pixel size comes from the header, without decoding the image.

export const LOGO_MAX_BYTES = 200 * 1024;
export const LOGO_MAX_SIDE = 1600;

export type LogoType = "image/png" | "image/jpeg" | "image/webp";
export type LogoInfo = { type: LogoType; width: number; height: number };

const ascii = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length));
const be16 = (b: Uint8Array, at: number) => (b[at] << 8) | b[at + 1];
const be32 = (b: Uint8Array, at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];
const le16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const le24 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8) | (b[at + 2] << 16);

/** The type and pixel size of a PNG, JPEG or WebP image, or null for anything else (or a truncated header). */
export function readLogoInfo(b: Uint8Array): LogoInfo | null {
  if (b.length >= 24 && b[0] === 0x89 && ascii(b, 1, 7) === "PNG\r\n\x1a\n" && ascii(b, 12, 4) === "IHDR") {
    return { type: "image/png", width: be32(b, 16), height: be32(b, 20) };
  }
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpegInfo(b);
  if (b.length >= 30 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") return webpInfo(b);
  return null;
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpegInfo(b: Uint8Array): LogoInfo | null {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8)) {
      at += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image or scan before any frame
    const sof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (sof) return { type: "image/jpeg", height: be16(b, at + 5), width: be16(b, at + 7) };
    at += 2 + be16(b, at + 2);
  }
  return null;
}

function webpInfo(b: Uint8Array): LogoInfo | null {
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 " && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { type: "image/webp", width: le16(b, 26) & 0x3fff, height: le16(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L" && b[20] === 0x2f) {
    const bits = b[21] | (b[22] << 8) | (b[23] << 16) | (b[24] << 24);
    return { type: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { type: "image/webp", width: le24(b, 24) + 1, height: le24(b, 27) + 1 };
  return null;
}

/** Why a file cannot be the logo, or null when it can. */
export function logoProblem(b: Uint8Array): string | null {
  if (b.length === 0) return "Choose an image file.";
  if (b.length > LOGO_MAX_BYTES)
    return `The logo must be at most ${LOGO_MAX_BYTES / 1024} kB (this file is ${Math.ceil(b.length / 1024)} kB).`;
  const info = readLogoInfo(b);
  if (!info) return "The logo must be a PNG, JPEG or WebP image (SVG is not accepted).";
  if (info.width < 1 || info.height < 1) return "This image has no pixels.";
  if (info.width > LOGO_MAX_SIDE || info.height > LOGO_MAX_SIDE) {
    return `The logo must be at most ${LOGO_MAX_SIDE} × ${LOGO_MAX_SIDE} pixels (this one is ${info.width} × ${info.height}).`;
  }
  return null;
}
