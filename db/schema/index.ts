export * from "./audit";
export * from "./auth";
export * from "./parties";
export * from "./relations";
