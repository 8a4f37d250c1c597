import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/discussion/markdown";
import { activeMentionQuery, matchMembers, mentionText } from "@/lib/discussion/mention-syntax";
import { sortCandidates, withCurrentMentionNames, type MentionEnv } from "@/lib/discussion/mentions";

const ruth = { id: "11111111-1111-4111-8111-111111111111", name: "Ruth" };
const ruthFinch = { id: "22222222-2222-4222-8222-222222222222", name: "Ruth Finch" };
const kathy2 = { id: "33333333-3333-4333-8333-333333333333", name: "Kathy (2)" };

function render(source: string) {
  const env: MentionEnv = { candidates: sortCandidates([ruth, ruthFinch, kathy2]), mentioned: [] };
  return { html: renderMarkdown(source, env), mentioned: env.mentioned };
}

describe("mentions", () => {
  it("resolves the longest member name, with spaces, case-insensitively", () => {
    const { html, mentioned } = render("Thanks @ruth finch, and @Ruth.");
    expect(mentioned).toEqual([ruthFinch.id, ruth.id]);
    expect(html).toBe(
      `<p>Thanks <span class="mention" data-mention="${ruthFinch.id}">@Ruth Finch</span>, and <span class="mention" data-mention="${ruth.id}">@Ruth</span>.</p>\n`,
    );
  });

  it("round-trips what the composer inserts, numbered labels included", () => {
    const { mentioned } = render(`${mentionText(kathy2.name)}and ${mentionText(ruthFinch.name)}`);
    expect(mentioned).toEqual([kathy2.id, ruthFinch.id]);
  });

  it("leaves non-members, emails, longer words and code as plain text", () => {
    const { html, mentioned } = render("@Tommy, ruth@example.com, @Ruthless and `@Ruth`");
    expect(mentioned).toEqual([]);
    expect(html).not.toContain("mention");
  });

  it("cannot be forged with raw HTML", () => {
    const html = renderMarkdown(`<span class="mention" data-mention="${ruth.id}">@Ruth</span>`);
    expect(html).not.toContain("<span");
  });

  it("notifies only mentions the reader can see: none hidden in an image's alt text, none through a refused link", () => {
    const image = render("![@Ruth](https://example.com/a.png) and @Ruth Finch");
    expect(image.html).not.toContain(`data-mention="${ruth.id}"`);
    expect(image.mentioned).toEqual([ruthFinch.id]);
    // A javascript: link is not made; the mention in its text shows as a chip and counts.
    const link = render("[@Ruth](javascript:alert(1))");
    expect(link.html).not.toContain("<a");
    expect(link.mentioned).toEqual([ruth.id]);
  });

  it("shows the current name at read time, and the stored one for someone who left", () => {
    const { html } = render("Hi @Ruth and @Ruth Finch");
    const renamed = withCurrentMentionNames(html, new Map([[ruth.id, "Ruth <Baker>"]]));
    expect(renamed).toContain(`data-mention="${ruth.id}">@Ruth &lt;Baker&gt;</span>`);
    expect(renamed).toContain(`data-mention="${ruthFinch.id}">@Ruth Finch</span>`);
  });

  it("finds the mention being typed at the caret", () => {
    expect(activeMentionQuery("Hi @Ru", 6)).toEqual({ start: 3, query: "Ru" });
    expect(activeMentionQuery("Hi @Ruth Fi", 11)).toEqual({ start: 3, query: "Ruth Fi" });
    expect(activeMentionQuery("mail ruth@ex", 12)).toBeNull();
    expect(activeMentionQuery("@a\nb", 4)).toBeNull();
    expect(matchMembers([ruth, ruthFinch, kathy2], "fin").map((m) => m.name)).toEqual(["Ruth Finch"]);
  });
});

describe("matchMembers", () => {
  it("stops offering a member once their name is followed by a space, but goes on for longer names", () => {
    const members = [ruth, ruthFinch, kathy2];
    expect(matchMembers(members, "Kathy (2) ")).toEqual([]);
    expect(matchMembers(members, "Ruth ").map((m) => m.name)).toEqual(["Ruth Finch"]);
  });
});
