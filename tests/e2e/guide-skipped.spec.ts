import { accounts, expect, test, unique } from "./fixtures";

// A guide as Word puts it on the clipboard: a Symbol-font bullet (U+F0B7 and a tab), "o" and a
// tab for the second level, a page footer, and page prose with a question mark in it.
const guide = [
  "Never Let Me Go — Reading Group Guide",
  "Have you ever wondered what Hailsham was for? This guide will help.",
  "",
  "Questions for discussion",
  "1.\tWhat does Kathy remember first about Hailsham?",
  "\uF0B7\tWhat does Hailsham teach its students?",
  "2.\tThe guardians keep a great deal from the students:",
  "o\tWhy does Miss Lucy speak out?",
  "o\tThe Gallery and its purpose",
  "3.\tTommy's drawings of animals.",
  "Page 3 of 5",
  "4.\tDiscuss the ending at the fence in Norfolk.",
].join("\n");

test("a moderator sees the lines a pasted guide left out, brings one back, and gets a room for it", async ({ pageAs }) => {
  const emily = await pageAs(accounts.emily);
  const bookTitle = unique("Never Let Me Go, again");

  // A club of its own: the demo club's current book is what the other specs open.
  await emily.getByRole("link", { name: "Create a club" }).click();
  await emily.getByRole("textbox", { name: "Club name" }).fill(unique("Skipped Lines Society"));
  await emily.getByRole("button", { name: "Create club" }).click();
  await expect(emily).toHaveURL(/\/clubs\/[^/]+$/);
  await emily.getByRole("link", { name: "Add the book you're reading" }).click();
  await emily.getByRole("textbox", { name: "Title" }).fill(bookTitle);
  await emily.getByRole("textbox", { name: "Author" }).fill("Kazuo Ishiguro");
  await emily.getByRole("button", { name: "Add book" }).click();
  await expect(emily.getByRole("heading", { level: 1, name: bookTitle })).toBeVisible();
  const bookUrl = emily.url();

  await emily.goto(`${bookUrl}/import`);
  await emily.getByRole("textbox", { name: "Paste the discussion guide" }).fill(guide);
  await emily.getByRole("button", { name: "Find questions" }).click();
  await expect(emily.getByRole("heading", { level: 2, name: "Review 4 questions" })).toBeVisible();
  await expect(emily.getByRole("textbox", { name: "Question 2", exact: true })).toHaveValue("What does Hailsham teach its students?");

  // Folded away at first, then each skipped line with its line number and why.
  const toggle = emily.getByRole("button", { name: "5 lines weren't used — show them" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(emily.getByRole("button", { name: "5 lines weren't used — hide them" })).toHaveAttribute("aria-expanded", "true");
  const skipped = emily.getByRole("listitem").filter({ has: emily.getByRole("button", { name: /^Use as a question/ }) });
  await expect(skipped).toHaveText([
    /Line 1.*A heading with no questions under it.*Never Let Me Go — Reading Group Guide/,
    /Line 2.*Outside the list of questions.*Have you ever wondered what Hailsham was for\?/,
    /Line 9.*Not a question.*The Gallery and its purpose/,
    /Line 10.*Not a question.*Tommy's drawings of animals\./,
    /Line 11.*A date, byline or page number.*Page 3 of 5/,
  ]);

  // Brought back between the questions of lines 8 and 12, announced, and gone from the list.
  await emily.getByRole("button", { name: "Use as a question: line 10" }).click();
  await expect(emily.getByText("Added as question 4.")).toBeAttached();
  await expect(emily.getByRole("heading", { level: 2, name: "Review 5 questions" })).toBeVisible();
  await expect(emily.getByRole("textbox", { name: "Question 4", exact: true })).toHaveValue("Tommy's drawings of animals.");
  await expect(emily.getByRole("button", { name: "4 lines weren't used — hide them" })).toBeVisible();
  await expect(emily.getByRole("button", { name: "Use as a question: line 10" })).toHaveCount(0);
  // Focus stays in the skipped list, on the line that took its place.
  await expect(emily.getByRole("button", { name: "Use as a question: line 11" })).toBeFocused();

  // Edited like any other question, then created.
  await emily.getByRole("textbox", { name: "Question 4", exact: true }).fill("What do Tommy's drawings of animals mean to him?");
  await emily.getByRole("button", { name: "Create 5 rooms" }).click();
  await expect(emily).not.toHaveURL(/\/import$/);
  await emily.goto(bookUrl);
  await expect(emily.getByRole("link", { name: /^Question 4: What do Tommy's drawings of animals mean to him\?/ })).toBeVisible();
  await expect(emily.getByRole("link", { name: /^Question \d+:/ })).toHaveCount(5);
});
