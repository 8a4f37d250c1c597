import { accounts, expect, liveStatus, offlineCapableURL, openRoom, test, unique } from "./fixtures";

// Two members in one room, each in their own browser context: reactions, "Here now" and
// "… is typing…" as the other member sees them, without a reload.

test("a reaction given with the keyboard is seen live by the other member, with who gave it, and taking it back is too", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(kathy, 1);
  await ruth.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await expect(liveStatus(ruth)).toHaveText("Live");

  // Both are here, once each.
  await expect(kathy.getByTestId("here-now")).toHaveText("Here now: Ruth and you");
  await expect(ruth.getByTestId("here-now")).toHaveText("Here now: Kathy and you");

  // A reply of Kathy's own, new in this run, so the counts start at nothing.
  const text = unique("Kathy wonders about Madame");
  await kathy.getByRole("textbox", { name: "Your answer" }).fill(text);
  await kathy.getByRole("button", { name: "Post reply" }).first().click();
  const kathysReplyOn = (page: typeof kathy) => page.getByRole("article", { name: "Reply by Kathy" }).filter({ hasText: text });
  await expect(kathysReplyOn(ruth)).toBeVisible();
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  // Ruth: Tab to "Add a reaction", open it with Enter, move right once (heart), pick with Enter.
  const add = kathysReplyOn(ruth).getByRole("button", { name: "Add a reaction" });
  await add.focus();
  await ruth.keyboard.press("Enter");
  const picker = ruth.getByRole("group", { name: "Choose a reaction" });
  await expect(picker.getByRole("button", { name: "Thumbs up" })).toBeFocused();
  await ruth.keyboard.press("ArrowRight");
  await expect(picker.getByRole("button", { name: "Heart" })).toBeFocused();
  await ruth.keyboard.press("Enter");
  await expect(picker).toHaveCount(0);
  await expect(add).toBeFocused();

  const ruthsChip = kathysReplyOn(ruth).getByRole("button", { name: "❤️ 1 — You" });
  await expect(ruthsChip).toHaveAttribute("aria-pressed", "true");
  const kathysView = kathysReplyOn(kathy).getByRole("button", { name: "❤️ 1 — Ruth" });
  await expect(kathysView).toHaveAttribute("aria-pressed", "false");
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);

  // Kathy adds hers by clicking the chip: both see two, named.
  await kathysView.click();
  await expect(kathysReplyOn(kathy).getByRole("button", { name: "❤️ 2 — You and Ruth" })).toHaveAttribute("aria-pressed", "true");
  await expect(kathysReplyOn(ruth).getByRole("button", { name: "❤️ 2 — You and Kathy" })).toBeVisible();

  // Ruth takes hers back; a double click sends one change, so it stays taken back.
  await kathysReplyOn(ruth).getByRole("button", { name: "❤️ 2 — You and Kathy" }).dblclick();
  await expect(kathysReplyOn(kathy).getByRole("button", { name: "❤️ 1 — You" })).toBeVisible();
  await expect(kathysReplyOn(ruth).getByRole("button", { name: "❤️ 1 — Kathy" })).toHaveAttribute("aria-pressed", "false");

  // And after a reload the counts are the stored ones.
  await ruth.reload();
  await expect(kathysReplyOn(ruth).getByRole("button", { name: "❤️ 1 — Kathy" })).toBeVisible();
});

test("'Ruth is typing…' appears for the other member and goes when she stops, posts, or leaves", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const ruth = await pageAs(accounts.ruth);
  const roomUrl = await openRoom(kathy, 2);
  await ruth.goto(roomUrl);
  await expect(liveStatus(ruth)).toHaveText("Live");
  await expect(kathy.getByTestId("here-now")).toHaveText("Here now: Ruth and you");

  const typing = kathy.getByText("Ruth is typing…");
  const answer = ruth.getByRole("textbox", { name: "Your answer" });

  // Typing shows; with no keystroke for a few seconds it goes by itself (the field keeps focus).
  await answer.pressSequentially("I keep thinking", { delay: 30 });
  await expect(typing).toBeVisible();
  await expect(ruth.getByText("Ruth is typing…")).toHaveCount(0);
  await expect(typing).toHaveCount(0, { timeout: 12_000 });

  // Typing again shows it again; posting takes it away at once.
  const text = unique("about the boathouse");
  await answer.pressSequentially(` ${text}`, { delay: 10 });
  await expect(typing).toBeVisible();
  // Ruth has finished the book; this spoils nothing, so Kathy (chapter 12) reads it unveiled.
  await ruth.getByRole("combobox", { name: "Spoilers up to" }).first().selectOption("0");
  await ruth.getByRole("button", { name: "Post reply" }).first().click();
  await expect(kathy.getByText(text)).toBeVisible();
  await expect(typing).toHaveCount(0, { timeout: 3_000 });

  // Ruth types and then closes her tab: she is gone from "Here now" and not typing.
  await answer.pressSequentially("One more", { delay: 10 });
  await expect(typing).toBeVisible();
  await ruth.close();
  await expect(typing).toHaveCount(0, { timeout: 3_000 });
  await expect(kathy.getByTestId("here-now")).toHaveText("Only you are here now");
});

test("a page without its connection claims nobody is here or typing, and shows them again once back", async ({ baseURL, pageAs }) => {
  // Kathy's context goes offline, so it uses 127.0.0.1: see offlineCapableURL.
  const kathy = await pageAs(accounts.kathy, { baseURL: offlineCapableURL(baseURL) });
  const ruth = await pageAs(accounts.ruth);
  // Question 10: no reach (the demo gives question 6 one, which Kathy, at chapter 12, sees veiled).
  const roomPath = new URL(await openRoom(kathy, 10)).pathname;
  await ruth.goto(roomPath);
  await expect(kathy.getByTestId("here-now")).toHaveText("Here now: Ruth and you");
  await ruth.getByRole("textbox", { name: "Your answer" }).pressSequentially("Half a thought");
  await expect(kathy.getByText("Ruth is typing…")).toBeVisible();

  await kathy.context().setOffline(true);
  await expect(liveStatus(kathy)).toContainText("Offline");
  // What it knew of the room is stale now: it says nothing rather than something untrue.
  await expect(kathy.getByTestId("here-now")).toHaveCount(0);
  await expect(kathy.getByText("Ruth is typing…")).toHaveCount(0);

  await kathy.context().setOffline(false);
  await expect(liveStatus(kathy)).toHaveText("Live", { timeout: 5_000 });
  await expect(kathy.getByTestId("here-now")).toHaveText("Here now: Ruth and you");
});
