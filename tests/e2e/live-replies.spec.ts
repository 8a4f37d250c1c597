import { accounts, expect, liveStatus, openRoom, test, unique } from "./fixtures";

test("a reply posted by one member appears once, nested under its parent, on another member's open page without reload", async ({ pageAs }) => {
  const kathy = await pageAs(accounts.kathy);
  const tommy = await pageAs(accounts.tommy);
  const roomUrl = await openRoom(kathy, 1);
  await tommy.goto(roomUrl);
  await expect(liveStatus(kathy)).toHaveText("Live");
  await expect(liveStatus(tommy)).toHaveText("Live");

  // Kathy's seeded answer to question 1.
  const kathysReplyOn = (page: typeof kathy) =>
    page.getByRole("article", { name: "Reply by Kathy" }).filter({ hasText: "how quietly mortality arrives" });
  const kathysItem = kathy.getByRole("listitem").filter({ has: kathysReplyOn(kathy) }).last();
  const kathysReplyId = await kathysItem.getAttribute("data-reply-id");
  expect(kathysReplyId).toBeTruthy();

  // Mark Kathy's document: if it were reloaded, the mark would be gone.
  await kathy.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));

  const text = unique("Tommy answers Kathy live");
  await kathysReplyOn(tommy).getByRole("button", { name: "Reply to Kathy" }).click();
  await tommy.getByRole("textbox", { name: "Your reply to Kathy" }).fill(text);
  await kathysReplyOn(tommy).getByRole("button", { name: "Post reply" }).click();
  await expect(tommy.getByText(text)).toHaveCount(1);

  // Kathy sees it once, as a child of her reply, in the same document.
  await expect(kathy.getByText(text)).toHaveCount(1);
  const newItem = kathy.getByRole("listitem").filter({ has: kathy.getByRole("article", { name: "Reply by Tommy" }).filter({ hasText: text }) }).last();
  await expect(newItem).toHaveAttribute("data-parent-id", kathysReplyId!);
  await expect(kathysItem.getByText(text)).toHaveCount(1);
  expect(await kathy.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
});
