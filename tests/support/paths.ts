import path from "node:path";
import { REPO_ROOT } from "@/scripts/lib/paths";

export { REPO_ROOT };
/** Scratch directory for test databases; gitignored. */
export const TMP_DIR = path.join(REPO_ROOT, "tests", ".tmp");
