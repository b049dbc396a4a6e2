/** The cache tag of an event's public programme pages and exports: revalidated when a release is published. */
export const programmeTag = (slug: string) => `programme:${slug}`;

/** The cache tag of an event's public logo and accent colour: revalidated when an organizer changes them. */
export const brandingTag = (slug: string) => `branding:${slug}`;
