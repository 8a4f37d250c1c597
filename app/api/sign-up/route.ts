import { signUp } from "@/lib/accounts/sign-up";
import { clientAddress } from "@/lib/doors/client-address";
import { consumeLimit, limitKey } from "@/lib/doors/limits";
import { publicRoute, readJson } from "@/lib/doors/route";

// publicRoute, not route(): nobody is signed in yet. The account being created is the only
// thing this touches, so there is no object to authorize.
export const POST = publicRoute(async ({ request }) => {
  // Every attempt counts, a refused one too: sign-up also answers whether an email has an account.
  await consumeLimit("sign-up", limitKey(clientAddress(request.headers)));
  const user = await signUp(await readJson(request), { acceptLanguage: request.headers.get("accept-language") });
  return Response.json({ user: { id: user.id, name: user.name } }, { status: 201 });
});
