import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// A proposal's status has one writer: applyTransitionIfCurrent (behind
// applyTransition), which also writes the activity line, the speakers' email,
// the submission count and the waitlist handling. This reads every file of
// the app (lib/, app/) and lists each place that could write Proposal.status:
// a Prisma write on the proposal model whose data sets `status` (or whose data
// cannot be read here), a nested proposal write from another model, or raw SQL
// that updates or inserts the column.
const root = path.resolve(__dirname, "../..");
const WRITER = { file: /^lib\/[a-z]+\/transition\.ts$/, fn: "applyTransitionIfCurrent" };
const WRITES = new Set(["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert"]);
const RAW_UPDATE_SET = /UPDATE\s+"?Proposal"?\s+SET\s+([\s\S]*?)(?:\bWHERE\b|$)/gi;
const RAW_INSERT = /INSERT\s+INTO\s+"?Proposal"?\s*\([^)]*\bstatus\b/i;

/** SQL that sets the status column to anything but itself (`SET "status" = "status"` only locks the row). */
function rawStatusWrite(sql: string): boolean {
  if (RAW_INSERT.test(sql)) return true;
  return [...sql.matchAll(RAW_UPDATE_SET)].some(([, set]) => /"?\bstatus"?\s*=(?!\s*"?status\b)/i.test(set));
}

type Writer = { file: string; fn: string; line: number; why: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    return statSync(full).isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

/**
 * Whether an object literal (through spreads, conditionals, parentheses and
 * the file's own `const` objects) may set `status`; "unknown" when it cannot be read.
 */
function setsStatus(node: ts.Expression, consts: Map<string, ts.Expression> = new Map()): boolean | "unknown" {
  const rec = (n: ts.Expression) => setsStatus(n, consts);
  if (ts.isIdentifier(node) && consts.has(node.text)) return rec(consts.get(node.text)!);
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return rec(node.expression);
  if (ts.isConditionalExpression(node)) return either(rec(node.whenTrue), rec(node.whenFalse));
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    return rec(node.right);
  }
  if (ts.isArrayLiteralExpression(node))
    return node.elements.reduce<boolean | "unknown">((acc, e) => either(acc, rec(e as ts.Expression)), false);
  if (!ts.isObjectLiteralExpression(node))
    return node.kind === ts.SyntaxKind.NullKeyword || node.kind === ts.SyntaxKind.UndefinedKeyword ? false : "unknown";
  let result: boolean | "unknown" = false;
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) result = either(result, rec(p.expression));
    else if (p.name && ts.isIdentifier(p.name) && p.name.text === "status") return true;
    else if (p.name && ts.isStringLiteral(p.name) && p.name.text === "status") return true;
    else if (ts.isComputedPropertyName(p.name!)) result = either(result, "unknown");
  }
  return result;
}

function either(a: boolean | "unknown", b: boolean | "unknown"): boolean | "unknown" {
  return a === true || b === true ? true : a === "unknown" || b === "unknown" ? "unknown" : false;
}

function propertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | null {
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return null;
}

function enclosingFunction(node: ts.Node): string {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name) return n.name.getText();
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent)) return n.parent.name.getText();
  }
  return "(top level)";
}

/** Every place in one source text that may write a proposal's status. */
function statusWriters(file: string, text: string): Writer[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Writer[] = [];
  const consts = new Map<string, ts.Expression>();
  const collect = (node: ts.Node) => {
    if (
      ts.isVariableDeclaration(node) &&
      ts.isIdentifier(node.name) &&
      node.initializer &&
      (node.parent.flags & ts.NodeFlags.Const) !== 0
    ) {
      consts.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const add = (node: ts.Node, why: string) =>
    found.push({ file, fn: enclosingFunction(node), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, why });

  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && WRITES.has(node.expression.name.text)) {
      const target = node.expression.expression;
      const arg = node.arguments[0];
      if (ts.isPropertyAccessExpression(target) && target.name.text === "proposal") {
        if (!arg || !ts.isObjectLiteralExpression(arg)) add(node, "a proposal write whose arguments cannot be read");
        else {
          for (const key of ["data", "create", "update"]) {
            const value = propertyValue(arg, key);
            const sets = value ? setsStatus(value, consts) : false;
            if (sets === true) add(node, `proposal.${node.expression.name.text} sets status`);
            else if (sets === "unknown") add(node, `proposal.${node.expression.name.text} with data that cannot be read`);
          }
        }
      }
    }
    // Nested writes from another model: { proposal(s): { create | update | upsert ...: { status } } }.
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      /^proposals?$/.test(node.name.text) &&
      ts.isObjectLiteralExpression(node.initializer)
    ) {
      for (const p of node.initializer.properties) {
        if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && WRITES.has(p.name.text) && setsStatusDeep(p.initializer))
          add(p, `a nested proposal ${p.name.text} sets status`);
      }
    }
    if (ts.isTaggedTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) {
      if (rawStatusWrite(node.getText())) add(node, "raw SQL writes the status column");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function setsStatusDeep(node: ts.Node): boolean {
  if (ts.isObjectLiteralExpression(node) && setsStatus(node) !== false) return true;
  return ts.forEachChild(node, setsStatusDeep) ?? false;
}

function appWriters(): Writer[] {
  return ["lib", "app"].flatMap((dir) =>
    sourceFiles(path.join(root, dir)).flatMap((full) =>
      statusWriters(path.relative(root, full).split(path.sep).join("/"), readFileSync(full, "utf8")),
    ),
  );
}

describe("the one writer of a proposal's status", () => {
  it("is applyTransitionIfCurrent: no other code in lib/ or app/ writes Proposal.status", () => {
    const writers = appWriters();
    const others = writers.filter((w) => !(WRITER.file.test(w.file) && w.fn === WRITER.fn));
    expect(others.map((w) => `${w.file}:${w.line} ${w.fn}: ${w.why}`)).toEqual([]);
    // The scan does see the writer itself (so an empty list above means something).
    expect(writers.filter((w) => w.fn === WRITER.fn)).toHaveLength(1);
  });

  it("finds the ways status could be written behind its back", () => {
    const cases: [string, string][] = [
      [
        "create with status",
        `async function f(tx) { await tx.proposal.create({ data: { ...fields, status: submit ? "SUBMITTED" : "DRAFT" } }); }`,
      ],
      [
        "updateMany with status",
        `async function f(tx) { await tx.proposal.updateMany({ where: { id }, data: { status: "ACCEPTED", decidedAt: new Date() } }); }`,
      ],
      [
        "shorthand in a spread",
        `async function f(db) { await db.proposal.update({ where: { id }, data: { ...(x ? { status } : {}) } }); }`,
      ],
      ["data from a variable", `async function f(db, data) { await db.proposal.updateMany({ where: { id }, data }); }`],
      [
        "upsert",
        `async function f(db) { await db.proposal.upsert({ where: { id }, create: { title }, update: { status: "REJECTED" } }); }`,
      ],
      [
        "nested write",
        `async function f(db) { await db.talk.update({ where: { id }, data: { proposals: { updateMany: { where: {}, data: { status: "WITHDRAWN" } } } } }); }`,
      ],
      ["raw SQL", 'async function f(tx) { await tx.$executeRaw`UPDATE "Proposal" SET "status" = \'ACCEPTED\' WHERE "id" = ${id}`; }'],
    ];
    for (const [name, code] of cases) expect(statusWriters("lib/x.ts", code), name).toHaveLength(1);
  });

  it("lets through writes that leave status alone, and the row locks that set it to itself", () => {
    const code = [
      `async function f(tx) { await tx.proposal.updateMany({ where: { id, status: "SUBMITTED" }, data: { pendingDecision: null, ...(a ? { title } : {}) } }); }`,
      'async function g(tx) { await tx.$executeRaw`UPDATE "Proposal" SET "status" = "status" WHERE "id" = ${id}`; }',
      `async function h(tx) { await tx.review.update({ where: { id }, data: { status: "DONE" } }); }`,
    ].join("\n");
    expect(statusWriters("lib/x.ts", code)).toEqual([]);
  });
});
