// Shared by the forms (client) and the schemas: no zod here, so client bundles stay free of it.
export const TAG_NAME_MAX = 40;
