import { describe, expect, it } from "vitest";
import { refusalMessage } from "./permission-labels";

describe("the refusal message", () => {
  it("names the role and the action in words, not their ids (issue 12: no permission ids in messages)", () => {
    expect(refusalMessage("auditor", "party.create")).toBe("Your role (Auditor) may not register parties.");
    expect(refusalMessage("procurement", "kb.edit")).toBe("Your role (Procurement) may not edit the knowledge base.");
    expect(refusalMessage("dpo", "user.manage")).toBe("Your role (Data protection officer) may not manage users.");
  });
});
