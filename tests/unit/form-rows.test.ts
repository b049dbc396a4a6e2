import { describe, expect, it } from "vitest";
import { rowsFromForm } from "@/lib/forms/rows";

const FIELDS = ["id", "name", "minScore", "maxScore", "weight"] as const;

function form(entries: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("rowsFromForm", () => {
  it("rebuilds rows from flat names, in index order however the fields were posted", () => {
    const rows = rowsFromForm(
      form([
        ["criteria.2.name", "Originality"],
        ["criteria.0.name", "Relevance"],
        ["criteria.10.name", "Delivery"],
        ["criteria.1.name", "Clarity"],
        ["criteria.0.weight", "2"],
        ["criteria.1.id", "c1"],
      ]),
      "criteria",
      FIELDS,
    );
    expect(rows).toEqual([
      { name: "Relevance", weight: "2", id: undefined },
      { name: "Clarity", id: "c1" },
      { name: "Originality", id: undefined },
      { name: "Delivery", id: undefined },
    ]);
  });

  it("orders by the numeric index, not as text (2 before 10)", () => {
    const rows = rowsFromForm(
      form([
        ["criteria.10.name", "b"],
        ["criteria.2.name", "a"],
      ]),
      "criteria",
      FIELDS,
    );
    expect(rows.map((r) => r.name)).toEqual(["a", "b"]);
  });

  it("turns an empty id into undefined (a new row) and keeps a real one", () => {
    const rows = rowsFromForm(
      form([
        ["criteria.0.id", ""],
        ["criteria.0.name", "New"],
        ["criteria.1.id", "ck123"],
        ["criteria.1.name", "Old"],
      ]),
      "criteria",
      FIELDS,
    );
    expect(rows).toEqual([
      { id: undefined, name: "New" },
      { id: "ck123", name: "Old" },
    ]);
  });

  it("ignores fields that are not listed, other lists and malformed names", () => {
    const rows = rowsFromForm(
      form([
        ["criteria.0.name", "Relevance"],
        ["criteria.0.eventId", "someone-elses-event"],
        ["criteria.0.__proto__", "x"],
        ["criteria.0.position", "99"],
        ["tracks.0.name", "Main stage"],
        ["criteria.x.name", "not an index"],
        ["criteria.100.name", "index too long"],
        ["criteria.0.name.extra", "nested"],
        ["xcriteria.0.name", "prefixed"],
        ["blindReview", "on"],
      ]),
      "criteria",
      FIELDS,
    );
    expect(rows).toEqual([{ name: "Relevance", id: undefined }]);
    expect(Object.keys(rows[0]).sort()).toEqual(["id", "name"]);
  });

  it("ignores file uploads", () => {
    const rows = rowsFromForm(
      form([
        ["criteria.0.name", new Blob(["x"])],
        ["criteria.0.weight", "1"],
      ]),
      "criteria",
      FIELDS,
    );
    expect(rows).toEqual([{ weight: "1", name: "", id: undefined }]);
  });

  it("gives a row without a name an empty name, so the schema reports it as required", () => {
    expect(rowsFromForm(form([["criteria.0.weight", "1.5"]]), "criteria", FIELDS)).toEqual([{ weight: "1.5", name: "", id: undefined }]);
  });

  it("returns no rows for a form without the list", () => {
    expect(rowsFromForm(form([["name", "x"]]), "criteria", FIELDS)).toEqual([]);
  });

  it("keeps the last value when a field is posted twice", () => {
    expect(
      rowsFromForm(
        form([
          ["criteria.0.name", "a"],
          ["criteria.0.name", "b"],
        ]),
        "criteria",
        FIELDS,
      ),
    ).toEqual([{ name: "b", id: undefined }]);
  });
});
