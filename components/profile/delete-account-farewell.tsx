"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

// After an account is deleted the browser goes to the home page, signed out. The goodbye is
// carried there in sessionStorage (this tab only, read once), not in the URL: a link someone
// copies or reloads later says nothing about an account.
const farewellKey = "chapterhouse:account-deleted";
// Reply drafts are kept in this browser under this prefix (components/discussion/reply-form.tsx).
const draftPrefix = "chapterhouse:draft:";

/** Run once the account is deleted: forgets this browser's reply drafts and leaves the home page a goodbye to say. */
export function forgetDraftsAndSayFarewell(): void {
  try {
    const drafts: string[] = [];
    for (let index = 0; index < window.localStorage.length; index++) {
      const key = window.localStorage.key(index);
      if (key?.startsWith(draftPrefix)) drafts.push(key);
    }
    for (const key of drafts) window.localStorage.removeItem(key);
    window.sessionStorage.setItem(farewellKey, "1");
  } catch {
    // Storage refused (private mode, full): the account is deleted all the same.
  }
}

/** The home page's calm goodbye after an account was deleted in this tab; nothing otherwise. */
export function DeleteAccountFarewell() {
  const t = useTranslations("profile.deleteAccount");
  const [shown, setShown] = useState(false);
  useEffect(() => {
    try {
      if (window.sessionStorage.getItem(farewellKey) !== "1") return;
      window.sessionStorage.removeItem(farewellKey);
      setShown(true);
    } catch {
      // No storage, no goodbye.
    }
  }, []);
  return (
    <div role="status">
      {shown ? <p className="mb-6 rounded-md border border-accent/30 bg-accent-soft px-4 py-3 text-accent-strong">{t("farewell")}</p> : null}
    </div>
  );
}
