import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import { describe, expect, it } from "vitest";
import { COUNTRY_ENTRIES } from "./country-names";

countries.registerLocale(en);

describe("generated country names (server/scripts/generate-countries.mjs)", () => {
  it("are the official English names of i18n-iso-countries, without the user-assigned XK", () => {
    const reference = countries.getNames("en", { select: "official" });
    delete reference.XK;
    expect(Object.fromEntries(COUNTRY_ENTRIES)).toEqual(reference);
    expect(COUNTRY_ENTRIES).toHaveLength(249);
  });

  it("are sorted by English name", () => {
    const names = COUNTRY_ENTRIES.map(([, name]) => name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    expect(names[0]).toBe("Afghanistan");
  });

  it("name the countries the app shows in its demo data", () => {
    const byCode = new Map(COUNTRY_ENTRIES);
    expect(byCode.get("DE")).toBe("Germany");
    expect(byCode.get("US")).toBe("United States of America");
    expect(byCode.get("GB")).toBe("United Kingdom");
    expect(byCode.has("XK")).toBe(false);
  });
});
