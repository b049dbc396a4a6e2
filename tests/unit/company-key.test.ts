import { describe, expect, it } from "vitest";
import { companyKey } from "@/lib/profile/company-key";

describe("companyKey", () => {
  it("matches the same company however it is typed: case, punctuation and legal form", () => {
    const key = companyKey("Ferrous Systems GmbH");
    expect(key).toBe("ferrous systems");
    expect(companyKey("ferrous-systems")).toBe(key);
    expect(companyKey("FERROUS SYSTEMS")).toBe(key);
    expect(companyKey("  Ferrous   Systems, GmbH. ")).toBe(key);
    expect(companyKey("Ferrous_Systems")).toBe(key);
  });

  it("drops stacked legal-form suffixes", () => {
    expect(companyKey("Acme Co. Ltd.")).toBe("acme");
    expect(companyKey("Linkwerk GmbH")).toBe(companyKey("linkwerk"));
    expect(companyKey("Oxide Computer Company")).toBe("oxide computer");
    expect(companyKey("Example Inc")).toBe(companyKey("Example, Incorporated"));
  });

  it("ignores accents", () => {
    expect(companyKey("Société Générale SA")).toBe("societe generale");
    expect(companyKey("Société Générale")).toBe(companyKey("SOCIETE GENERALE"));
    expect(companyKey("Zürich Versicherung AG")).toBe("zurich versicherung");
    expect(companyKey("Ñandú Labs")).toBe("nandu labs");
  });

  it("keeps a legal form that is the whole name, so a company called only 'Inc' still has a key", () => {
    expect(companyKey("Inc")).toBe("inc");
    expect(companyKey("Inc.")).toBe("inc");
    expect(companyKey("Inc. Ltd")).toBe("inc");
  });

  it("keeps legal-form words that are not at the end", () => {
    expect(companyKey("AG Software Berlin")).toBe("ag software berlin");
  });

  it("keeps digits and non-Latin letters", () => {
    expect(companyKey("42 Labs")).toBe("42 labs");
    expect(companyKey("株式会社")).toBe("株式会社");
  });

  it("gives an empty key for an empty or punctuation-only company, which never matches anyone", () => {
    expect(companyKey("")).toBe("");
    expect(companyKey("   ")).toBe("");
    expect(companyKey("—")).toBe("");
    expect(companyKey("-/-")).toBe("");
  });

  it("tells different companies apart", () => {
    expect(companyKey("Ferrous Systems")).not.toBe(companyKey("Ferrous Industries"));
    expect(companyKey("Ferrous Systems")).not.toBe(companyKey("Ferroussystems"));
  });
});
