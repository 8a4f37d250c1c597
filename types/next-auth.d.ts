import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  // Module augmentation has to use an interface to merge with next-auth's own.
  interface Session {
    user: { id: string; name: string; email: string } & DefaultSession["user"];
  }
  interface User {
    /** The user's session version when the password was checked (credentials sign-in). */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** This session's id, given at sign-in and kept through refreshes; "Sign out" ends this id. */
    sessionId?: string;
    /** The user's session version at sign-in; raising the user's version ends this session. */
    sessionVersion?: number;
  }
}
