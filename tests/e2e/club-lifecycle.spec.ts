import { accounts, expect, liveStatus, test, unique } from "./fixtures";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A guide as a moderator would paste it from a publisher's page: a title, prose around the list,
// four numbered questions, and talking points that are statements, not questions.
const questions = [
  "Stevens talks often about dignity. What does the word mean to him, and does its meaning change by the end of his journey?",
  "How far can we trust Stevens as a narrator? Where did you first begin to doubt his account?",
  "Why does Stevens keep serving dinner while his father is dying upstairs?",
  "What do you think Miss Kenton hoped for when she left Darlington Hall?",
];
const guide = `# Reading Group Guide: The Remains of the Day

In the summer of 1956, Stevens, the butler of Darlington Hall, borrows his new employer's Ford and drives
to the West Country to visit a former housekeeper. Along the road he looks back on three decades of service.

These questions are meant to open the conversation rather than settle it. Take them in any order,
and skip the ones that do not speak to your group.

Questions for discussion
1. ${questions[0]}
2. ${questions[1]}
3. ${questions[2]}
4. ${questions[3]}

Talking points
- The six days of the journey and the thirty years they cover.
- Banter, and Stevens practising it in front of the mirror.
`;

test("a moderator starts a club from a pasted guide, invites someone new, and hides their reply live", async ({ browser, pageAs }) => {
  const suffix = unique("").trim();
  const clubName = `Saturday Stevens Society ${suffix}`;
  const bookTitle = "The Remains of the Day";
  const editedQuestion = "How far can we trust Stevens as a narrator, and where did you first begin to doubt him?";
  // The guide's order after question 2 is edited and question 3 removed.
  const roomQuestions = [questions[0]!, editedQuestion, questions[3]!];
  const member = { name: `Nina ${suffix}`, email: `nina-${suffix.replace(/\W+/g, "-")}@example.com`, password: "a-long-enough-password" };
  const replyText = `Dignity for Stevens means never letting a feeling show in front of anyone ${suffix}`;
  const reason = "Gives away the last chapter";

  const emily = await pageAs(accounts.emily);
  let clubUrl = "";
  let inviteUrl = "";

  await test.step("Emily creates a club, adds a book and turns a pasted guide into three rooms", async () => {
    await emily.getByRole("link", { name: "Create a club" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: "Create a club" })).toBeVisible();
    await emily.getByRole("textbox", { name: "Club name" }).fill(clubName);
    await emily.getByRole("textbox", { name: /^Description/ }).fill("We meet on the first Saturday of the month.");
    await emily.getByRole("button", { name: "Create club" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: clubName })).toBeVisible();
    await expect(emily).toHaveURL(/\/clubs\/[^/]+$/);
    clubUrl = emily.url();

    await emily.getByRole("link", { name: "Add the book you're reading" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: "Add a book" })).toBeVisible();
    await emily.getByRole("textbox", { name: "Title" }).fill(bookTitle);
    await emily.getByRole("textbox", { name: "Author" }).fill("Kazuo Ishiguro");
    await emily.getByRole("textbox", { name: "Year (optional)" }).fill("1989");
    await emily.getByRole("button", { name: "Add book" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: bookTitle })).toBeVisible();

    await emily.getByRole("link", { name: "Import a discussion guide" }).click();
    await expect(emily.getByRole("heading", { level: 1, name: "Import a discussion guide" })).toBeVisible();
    await emily.getByRole("textbox", { name: "Paste the discussion guide" }).fill(guide);
    await emily.getByRole("button", { name: "Find questions" }).click();

    // Review: exactly the four numbered questions, none of the prose or talking points.
    await expect(emily.getByRole("heading", { level: 2, name: "Review 4 questions" })).toBeVisible();
    const found = emily.getByRole("textbox", { name: /^Question \d+$/ });
    await expect(found).toHaveCount(4);
    for (const [index, question] of questions.entries()) {
      await expect(emily.getByRole("textbox", { name: `Question ${index + 1}`, exact: true })).toHaveValue(question);
    }

    await emily.getByRole("textbox", { name: "Question 2", exact: true }).fill(editedQuestion);
    await emily.getByRole("button", { name: "Remove question 3" }).click();
    await expect(emily.getByRole("heading", { level: 2, name: "Review 3 questions" })).toBeVisible();
    await expect(found).toHaveCount(3);
    for (const [index, question] of roomQuestions.entries()) {
      await expect(emily.getByRole("textbox", { name: `Question ${index + 1}`, exact: true })).toHaveValue(question);
    }

    await emily.getByRole("button", { name: "Create 3 rooms" }).click();
    await expect(emily).toHaveURL(clubUrl);
    await expect(emily.getByRole("heading", { level: 1, name: clubName })).toBeVisible();
    const rooms = emily.getByRole("region", { name: "Discussion questions" }).getByRole("link", { name: /^Question \d+:/ });
    await expect(rooms).toHaveCount(3);
    for (const [index, question] of roomQuestions.entries()) {
      await expect(rooms.nth(index)).toHaveAccessibleName(new RegExp(`^Question ${index + 1}: ${escapeRegExp(question)}`));
    }
  });

  await test.step("Emily creates an invite link with the default expiry and reads it from the page", async () => {
    await emily.getByRole("navigation", { name: "Club" }).getByRole("link", { name: "Invites" }).click();
    await expect(emily.getByRole("heading", { level: 2, name: "Invite people" })).toBeVisible();
    await expect(emily.getByRole("combobox", { name: "Link stays open for" })).toHaveValue("7");
    await emily.getByRole("button", { name: "Create invite link" }).click();
    const created = emily.getByRole("status").filter({ hasText: "New invite link ready" });
    await expect(created).toBeVisible();
    inviteUrl = ((await created.getByRole("code").textContent()) ?? "").trim();
    expect(inviteUrl).toMatch(/^https?:\/\/[^/]+\/invite\/[^/\s]+$/);
  });

  await test.step("Emily opens the first question's room and stays there", async () => {
    await emily.goto(clubUrl);
    await emily.getByRole("link", { name: /^Question 1:/ }).click();
    await expect(emily.getByRole("heading", { level: 1 })).toHaveText(roomQuestions[0]!);
    await expect(liveStatus(emily)).toHaveText("Live");
    // Gone if the page is reloaded: proves what follows arrives live.
    await emily.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));
  });

  const context = await browser.newContext();
  try {
    const newcomer = await context.newPage();

    await test.step("someone new opens the link, signs up, joins, and posts a reply", async () => {
      await newcomer.goto(inviteUrl);
      await expect(newcomer.getByRole("heading", { level: 1, name: clubName })).toBeVisible();
      await newcomer.getByRole("link", { name: "Create an account" }).click();
      await expect(newcomer.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
      await newcomer.getByRole("textbox", { name: "Display name" }).fill(member.name);
      await newcomer.getByRole("textbox", { name: "Email" }).fill(member.email);
      await newcomer.getByLabel("Password", { exact: true }).fill(member.password);
      await newcomer.getByRole("button", { name: "Create account" }).click();

      // Back on the invitation, now signed in.
      await expect(newcomer).toHaveURL(inviteUrl);
      await expect(newcomer.getByRole("heading", { level: 1, name: clubName })).toBeVisible();
      await newcomer.getByRole("button", { name: `Join ${clubName}` }).click();
      await expect(newcomer).toHaveURL(clubUrl);
      await expect(newcomer.getByRole("heading", { level: 1, name: clubName })).toBeVisible();

      await newcomer.getByRole("link", { name: /^Question 1:/ }).click();
      await expect(newcomer.getByRole("heading", { level: 1 })).toHaveText(roomQuestions[0]!);
      await expect(liveStatus(newcomer)).toHaveText("Live");
      await newcomer.evaluate(() => ((window as { e2eMark?: boolean }).e2eMark = true));
      await newcomer.getByRole("textbox", { name: "Your answer" }).fill(replyText);
      await newcomer.getByRole("button", { name: "Post reply" }).click();
      await expect(newcomer.getByRole("article", { name: `Reply by ${member.name}` })).toContainText(replyText);
    });

    await test.step("Emily sees the reply arrive without reloading and hides it with a reason", async () => {
      const reply = emily.getByRole("article", { name: `Reply by ${member.name}` });
      await expect(reply).toContainText(replyText);
      await expect(reply).toHaveCount(1);
      expect(await emily.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);

      await reply.getByRole("button", { name: /^More actions for .*reply$/ }).click();
      await reply.getByRole("menu", { name: "More actions" }).getByRole("menuitem", { name: "Hide…" }).click();
      await reply.getByRole("textbox", { name: "Reason for hiding" }).fill(reason);
      await reply.getByRole("button", { name: "Hide", exact: true }).click();
      await expect(reply).toContainText(`Hidden by a moderator: ${reason}`);
    });

    await test.step("the member's open page shows the hidden placeholder live, and the text is gone", async () => {
      const reply = newcomer.getByRole("article", { name: `Reply by ${member.name}` });
      await expect(reply).toContainText(`Hidden by a moderator: ${reason}`);
      await expect(newcomer.getByText(replyText)).toHaveCount(0);
      await expect(newcomer.locator("body")).not.toContainText(replyText);
      expect(await newcomer.evaluate(() => (window as { e2eMark?: boolean }).e2eMark)).toBe(true);
    });
  } finally {
    await context.close();
  }
});
