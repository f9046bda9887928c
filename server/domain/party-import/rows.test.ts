import { describe, expect, it } from "vitest";
import { countryCodeOf, duplicateKey, guessMapping, normalisedName, readPartyRow } from "./rows";

const MAPPING = { name: "Vendor", relationship: "Type", country: "Country", serviceCategory: "Category", processingLocations: "Locations" } as const;

describe("reading a CSV row of a party", () => {
  it("reads countries by ISO code or English name, and choices by code or label", () => {
    const read = readPartyRow({ Vendor: " Stratus Hosting Ltd ", Type: "Service provider", Country: "united kingdom", Category: "IT hosting", Locations: "IE; us, Germany" }, MAPPING);
    expect(read.problems).toEqual([]);
    expect(read.fields).toMatchObject({ name: "Stratus Hosting Ltd", relationship: "service_provider", serviceCategory: "it_hosting", country: "GB", processingLocations: ["IE", "US", "DE"] });
    expect(countryCodeOf("DE")).toBe("DE");
    expect(countryCodeOf("Côte d'Ivoire")).toBe("CI");
    expect(countryCodeOf("USA")).toBe("US");
    expect(countryCodeOf("Atlantis")).toBeNull();
  });

  it("processes where it is established when the file has no locations", () => {
    expect(readPartyRow({ Vendor: "Acme", Type: "affiliate", Country: "FR" }, { name: "Vendor", relationship: "Type", country: "Country" }).fields.processingLocations).toEqual(["FR"]);
  });

  it("names each problem: missing name, unknown country, bad relationship, unknown location", () => {
    const problems = readPartyRow({ Vendor: "", Type: "friend", Country: "Atlantis", Locations: "Narnia" }, MAPPING).problems;
    expect(problems).toEqual([
      { field: "name", message: "Missing name." },
      { field: "country", message: 'Unknown country "Atlantis": use an ISO code such as DE or an English name such as Germany.' },
      { field: "relationship", message: 'Bad relationship "friend": use one of affiliate, service provider, reseller, advertising partner, professional adviser, other.' },
      { field: "processingLocations", message: 'Unknown processing location "Narnia".' },
    ]);
  });
});

describe("likely duplicates", () => {
  it("ignore case, accents, punctuation and legal forms, but not the country", () => {
    expect(normalisedName("ACME GmbH")).toBe("acme");
    expect(normalisedName("Acme, Inc.")).toBe("acme");
    expect(normalisedName("Müller & Söhne G.m.b.H.")).toBe("muller sohne");
    expect(duplicateKey("Acme Ltd", "gb")).toBe(duplicateKey("ACME Limited", "GB"));
    expect(duplicateKey("Acme Ltd", "GB")).not.toBe(duplicateKey("Acme Ltd", "IE"));
  });
});

describe("guessing the mapping", () => {
  it("uses the remembered mapping where the file has those headers, then the headers' names", () => {
    const headers = ["Supplier name", "Country", "Relationship", "E-mail", "Remarks", "Old vendor column"];
    expect(guessMapping(headers, { name: "Old vendor column", website: "Not in this file" })).toEqual({
      name: "Old vendor column",
      relationship: "Relationship",
      country: "Country",
      contactEmail: "E-mail",
      notes: "Remarks",
    });
    expect(guessMapping(headers).name).toBe("Supplier name");
  });
});
