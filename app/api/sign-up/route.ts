import { signUp } from "@/lib/accounts/sign-up";
import { clientAddress } from "@/lib/doors/client-address";
import { consumeLimit, limitKey } from "@/lib/doors/limits";
import { errorResponse, readJson } from "@/lib/doors/route";

// Not route(): that wrapper requires a signed-in user, and here there is none yet. Failures
// still go out as `{ error: WireError }` with their status, like every other door's.
export async function POST(request: Request) {
  try {
    // Every attempt counts, a refused one too: sign-up also answers whether an email has an account.
    await consumeLimit("sign-up", limitKey(clientAddress(request.headers)));
    const user = await signUp(await readJson(request));
    return Response.json({ user: { id: user.id, name: user.name } }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
