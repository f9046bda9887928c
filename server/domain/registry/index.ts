export * from "./types";
export * from "./schema";
export * from "./validate";
export * from "./iso-countries";
