import { signUp } from "@/lib/accounts/sign-up";
import { errorResponse, readJson } from "@/lib/doors/route";

export async function POST(request: Request) {
  try {
    const user = await signUp(await readJson(request));
    return Response.json({ user: { id: user.id, name: user.name } }, { status: 201 });
  } catch (error) {
    return errorResponse(error);
  }
}
