/** The cache tag of an event's public programme pages and exports: revalidated when a release is published. */
export const programmeTag = (slug: string) => `programme:${slug}`;
