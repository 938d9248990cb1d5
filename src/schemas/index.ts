/** Every content schema, in one place. Each module documents its fields. */
export * from "./common.ts";
export * from "./kpi.ts";
export * from "./plan.ts";
export * from "./report.ts";
export * from "./meeting.ts";
export * from "./glossary.ts";
export * from "./site.ts";
export * from "./topic.ts";
