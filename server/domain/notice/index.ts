/** The privacy-notice features: generated sections and the check of a published notice (pure). */
export * from "./claim-rules";
export * from "./types";
export * from "./ccpa";
export * from "./generate";
export * from "./claims";
export * from "./compare";
