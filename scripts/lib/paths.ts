import { fileURLToPath } from "node:url";

/** Repository root (scripts/lib/ is two levels below it). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
