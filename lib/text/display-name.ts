/** How a person is named on a page: their name, or their email when they have not given one. */
export const displayName = (p: { name: string | null; email: string }) => p.name || p.email;
