import type { Metadata } from "next";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { createInviteAction, revokeInviteAction } from "@/app/clubs/[clubId]/invites/actions";
import { CreateInviteForm } from "@/components/invite/create-invite-form";
import { InviteList } from "@/components/invite/invite-list";
import { requireUser } from "@/lib/auth";
import { configuredPublicUrl } from "@/lib/env";
import { loadInvitesPage } from "@/lib/clubs/invites";
import { loadOrNotFound } from "@/lib/doors/page";
import { defaultInviteExpiryDays, inviteExpiryChoices, inviteMaxUsesLimit } from "@/lib/validation/invites";

type Props = { params: Promise<{ clubId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invite.manage");
  return { title: t("title") };
}

/** Where this request came in, so the links shown are the ones people can open; NEXTAUTH_URL otherwise. */
async function siteOrigin(): Promise<string> {
  const requestHeaders = await headers();
  const configured = configuredPublicUrl();
  const host = requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() || requestHeaders.get("host");
  if (!host) return configured?.origin ?? "";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() || configured?.protocol.replace(":", "") || "http";
  return `${protocol}://${host}`;
}

export default async function InvitesPage({ params }: Props) {
  const { clubId } = await params;
  const user = await requireUser(`/clubs/${clubId}/invites`);
  const { club, invites } = await loadOrNotFound(() => loadInvitesPage({ clubId, userId: user.id }));
  const origin = invites ? await siteOrigin() : "";
  const t = await getTranslations("invite.manage");

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-semibold sm:text-4xl">{club.name}</h1>
      </header>

      {invites === null ? (
        <p className="rounded-lg border border-line bg-white p-5 text-muted shadow-sm">
          {t("moderatorsOnly")}
        </p>
      ) : (
        <>
          <section aria-labelledby="new-invite-heading" className="space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm sm:p-6">
            <div className="space-y-1">
              <h2 id="new-invite-heading" className="font-serif text-2xl font-semibold">
                {t("heading")}
              </h2>
              <p className="text-sm leading-relaxed text-muted">
                {t("intro")}
              </p>
            </div>
            <CreateInviteForm
              action={createInviteAction.bind(null, club.id)}
              origin={origin}
              expiryChoices={inviteExpiryChoices}
              defaultExpiryDays={defaultInviteExpiryDays}
              maxUsesLimit={inviteMaxUsesLimit}
            />
          </section>
          <InviteList invites={invites} revoke={revokeInviteAction.bind(null, club.id)} />
        </>
      )}
    </div>
  );
}
