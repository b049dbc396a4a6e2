// The c3voc schedule schemas (tests/fixtures/interop/c3voc) as validators:
// the XSD through xmllint (Wasm build, no apt needed) and the JSON schema
// through ajv with the draft-06 meta-schema and formats.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { validateXML } from "xmllint-wasm";
import { REPO_ROOT } from "./paths";

export const C3VOC = path.join(REPO_ROOT, "tests/fixtures/interop/c3voc");
export const SCHEDULE_XSD = path.join(C3VOC, "xsd/schedule.xml.xsd");

export async function frabXmlErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "schedule.xml", contents: xml }],
    schema: [{ fileName: "schedule.xml.xsd", contents: readFileSync(SCHEDULE_XSD, "utf8") }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

export function scheduleJsonValidator() {
  const require = createRequire(import.meta.url);
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-06.json"));
  addFormats(ajv);
  // The c3voc schema uses "color", a format ajv-formats does not define.
  ajv.addFormat("color", /^#[0-9a-fA-F]{3,8}$/);
  return ajv.compile(JSON.parse(readFileSync(path.join(C3VOC, "json/schema.json"), "utf8")));
}
