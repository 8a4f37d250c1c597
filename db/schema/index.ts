// The schema as drizzle-kit and the database client see it: every table module, in one object.
export * from "./users";
export * from "./clubs";
export * from "./discussion";
export * from "./invites";
export * from "./meetings";
export * from "./notifications";
export * from "./email";
export * from "./rate-limits";
export * from "./reading";
export * from "./polls";
