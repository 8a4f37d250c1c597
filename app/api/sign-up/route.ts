import { signUp } from "@/lib/accounts/sign-up";
import { publicRoute, readJson } from "@/lib/doors/route";

// publicRoute, not route(): nobody is signed in yet. The account being created is the only
// thing this touches, so there is no object to authorize.
export const POST = publicRoute(async ({ request }) => {
  const user = await signUp(await readJson(request));
  return Response.json({ user: { id: user.id, name: user.name } }, { status: 201 });
});
