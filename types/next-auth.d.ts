import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  // Module augmentation has to use an interface to merge with next-auth's own.
  interface Session {
    user: { id: string; name: string; email: string } & DefaultSession["user"];
  }
}
