// `npm run setup`: everything a fresh clone needs before `next start`:
// a .env, a migrated SQLite database (WAL mode) and the demo data. Safe to rerun.
import { execSync } from "node:child_process";
import "./ensure-env.mjs";

process.loadEnvFile(".env"); // variables already set in the shell win
const run = (cmd) => execSync(cmd, { stdio: "inherit", env: process.env });
run("npm run db:migrate");
run("npm run db:seed");
