import { fileURLToPath } from "node:url";
import path from "node:path";

/** Repository root (tests/support/ is two levels below it). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Scratch directory for test databases; gitignored. */
export const TMP_DIR = path.join(REPO_ROOT, "tests", ".tmp");
