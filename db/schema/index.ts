export * from "./audit";
export * from "./auth";
export * from "./knowledge-base";
export * from "./parties";
export * from "./relations";
export * from "./safeguards";
export * from "./transfers";
export * from "./verdicts";
