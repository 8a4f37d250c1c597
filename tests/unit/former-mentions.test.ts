import { describe, expect, it } from "vitest";
import { withoutMentionsOf, writtenMentions } from "@/lib/accounts/former-mentions";

// Writing a deleted member's @mentions out of stored text (lib/accounts/former-mentions.ts).

const gone = "11111111-1111-4111-8111-111111111111";
const other = "22222222-2222-4222-8222-222222222222";
const chip = (id: string, label: string) => `<span class="mention" data-mention="${id}">@${label}</span>`;

describe("withoutMentionsOf", () => {
  it("reads whose label is whose from the chips, HTML unescaped", () => {
    expect(writtenMentions(`<p>${chip(gone, "Tom &amp; Jerry")} and ${chip(other, "Ruth Finch")}</p>`)).toEqual([
      { userId: gone, label: "Tom & Jerry" },
      { userId: other, label: "Ruth Finch" },
    ]);
  });

  it("leaves another member whose longer name starts with the deleted one's", () => {
    const mentions = [
      { userId: gone, label: "Ruth" },
      { userId: other, label: "Ruth Finch" },
    ];
    const text = "@Ruth Finch said it, @ruth agreed, mail ruth@example.com, @Ruthless is nobody.";
    expect(withoutMentionsOf(text, { userId: gone, format: "markdown", mentions, replacement: "A former member" })).toBe(
      "@Ruth Finch said it, @A former member agreed, mail ruth@example.com, @Ruthless is nobody.",
    );
  });

  it("takes labels and the replacement literally", () => {
    const mentions = [{ userId: gone, label: "A.*(b) 100% $1" }];
    expect(withoutMentionsOf("@A.*(b) 100% $1 and @Ab", { userId: gone, format: "markdown", mentions, replacement: "$& $1" })).toBe("@$& $1 and @Ab");
  });

  it("rewrites the person's chips by id in HTML, and their label in code", () => {
    const html = `<p>${chip(gone, "Tom &amp; Jerry")} <code>@Tom &amp; Jerry</code> ${chip(other, "Tom")}</p>`;
    const mentions = writtenMentions(html);
    expect(withoutMentionsOf(html, { userId: gone, format: "html", mentions, replacement: "<A former member>" })).toBe(
      `<p>${chip(gone, "&lt;A former member&gt;")} <code>@&lt;A former member&gt;</code> ${chip(other, "Tom")}</p>`,
    );
  });

  it("takes a label cut by an excerpt's end, and no other", () => {
    const mentions = [
      { userId: gone, label: "Wilhelmina Forsythe" },
      { userId: other, label: "Wil" },
    ];
    const options = { userId: gone, format: "excerpt" as const, mentions, replacement: "A former member" };
    expect(withoutMentionsOf("So true, @Wilhelmina Fors…", options)).toBe("So true, @A former member…");
    expect(withoutMentionsOf("So true, @Wil…", options)).toBe("So true, @Wil…");
    expect(withoutMentionsOf("So true, @Wilhelmina Forsythe…", options)).toBe("So true, @A former member…");
  });

  it("changes nothing when the text's reply never mentioned the person", () => {
    expect(withoutMentionsOf("@Wil hi", { userId: gone, format: "markdown", mentions: [{ userId: other, label: "Wil" }], replacement: "x" })).toBe("@Wil hi");
  });
});
