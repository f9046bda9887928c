/** The claim rules on short notices: sentences, stances, lists (pure). */
import { describe, expect, it } from "vitest";
import { extractClaims, splitSentences } from "./claims";

describe("splitSentences", () => {
  it("does not end a sentence at an abbreviation, including a hyphenated one", () => {
    const s = splitSentences("Acme, Inc. and Acme U.K. Ltd. are certified under the EU-U.S. and Swiss-U.S. frameworks. We use SCCs.");
    expect(s.map((x) => x.text)).toEqual(["Acme, Inc. and Acme U.K. Ltd. are certified under the EU-U.S. and Swiss-U.S. frameworks.", "We use SCCs."]);
  });

  it("reads the short lines under a heading ending with ':' as that list's items, markers removed", () => {
    const s = splitSentences("We may have sold the following categories of personal information:\n\n- identifiers\n* inferences\nWe do not sell data of minors.");
    expect(s.map((x) => [x.text, x.list])).toEqual([
      ["We may have sold the following categories of personal information:", null],
      ["identifiers", "sold"],
      ["inferences", "sold"],
      ["We do not sell data of minors.", null],
    ]);
  });
});

describe("extractClaims", () => {
  const stances = (text: string) => extractClaims(text).flatMap((c) => (c.kind === "mechanism" ? [[c.mechanism, c.stance]] : []));

  it("tells present reliance from a historical statement and a certification", () => {
    expect(stances("We rely on the Privacy Shield.")).toEqual([["privacy_shield", "reliance"]]);
    expect(stances("As of July 16, 2020, we no longer rely on the Privacy Shield to transfer personal data to the U.S.")).toEqual([["privacy_shield", "historical"]]);
    expect(stances("Acme Inc. is certified under the Data Privacy Framework.")).toEqual([["dpf", "certified"]]);
    expect(stances("Click here to review our Privacy Shield policy.")).toEqual([["privacy_shield", "mention"]]);
  });

  it("takes recipients from sentences about sharing, not from a list of sources", () => {
    const claims = extractClaims(
      "We share personal data with resellers and payment service providers.\nWe obtained personal information about you from the following categories of sources:\nresellers\ndata brokers\n",
    );
    const recipients = claims.flatMap((c) => (c.kind === "recipient" ? [c.category] : c.kind === "unregistered_recipient" ? [c.id] : []));
    expect(recipients).toEqual(["service_provider:payment", "service_provider", "reseller"]);
  });

  it("reads the CCPA list of categories shared", () => {
    const claims = extractClaims("We shared the following categories of personal information for cross-context behavioral advertising:\nIdentifiers\nInternet or other electronic network activity information\n");
    const list = claims.find((c) => c.kind === "ccpa_list");
    expect(list).toMatchObject({ mark: "shared", categories: ["A", "F"] });
  });
});
