import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { answerSignInRefusals } from "@/lib/doors/sign-in-limit";

// next-auth's own handler; a sign-in a limit refused answers 429 with Retry-After, not its 401.
const handler = answerSignInRefusals(NextAuth(authOptions) as (request: Request, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>);

export { handler as GET, handler as POST };
