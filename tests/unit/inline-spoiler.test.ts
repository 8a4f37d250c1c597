import { describe, expect, it } from "vitest";
import { hideInlineSpoilers } from "@/lib/discussion/inline-spoiler";
import { renderMarkdown } from "@/lib/discussion/markdown";

const open = '<span class="spoiler" data-spoiler role="button" tabindex="0" aria-expanded="false" aria-label="Spoiler, hidden. Press to reveal.">';

describe("inline spoilers (||like this||)", () => {
  it("hides the phrase in a focusable span announced as a hidden spoiler", () => {
    expect(renderMarkdown("Ruth ||apologises at the end||, finally.")).toBe(`<p>Ruth ${open}apologises at the end</span>, finally.</p>\n`);
  });

  it("renders Markdown inside the veil", () => {
    expect(renderMarkdown("||the *deferral* is a rumour||")).toBe(`<p>${open}the <em>deferral</em> is a rumour</span></p>\n`);
  });

  it("leaves bars that don't wrap a phrase alone", () => {
    expect(renderMarkdown("a || b")).toBe("<p>a || b</p>\n");
    expect(renderMarkdown("||||")).toBe("<p>||||</p>\n");
    expect(renderMarkdown("|| spaced ||")).toBe("<p>|| spaced ||</p>\n");
    expect(renderMarkdown("||never closed")).toBe("<p>||never closed</p>\n");
  });

  it("keeps several spoilers on one line apart", () => {
    expect(renderMarkdown("||one|| and ||two||")).toBe(`<p>${open}one</span> and ${open}two</span></p>\n`);
  });

  it("shows HTML typed inside a spoiler as text, never as markup", () => {
    const html = renderMarkdown('||<img src=x onerror="alert(1)"><script>alert(2)</script>||');
    expect(html).not.toMatch(/<img|<script/);
    // The typed attribute survives only as text inside the one span the rule made.
    expect(html.match(/<[a-z][^>]*>/g)).toEqual(["<p>", open]);
    expect(html).toContain("&lt;script&gt;");
    expect(html.startsWith(`<p>${open}`)).toBe(true);
  });

  it("refuses a dangerous link inside a spoiler", () => {
    const html = renderMarkdown("||[click](javascript:alert(1))||");
    expect(html).not.toMatch(/href/);
  });

  it("cannot be given other attributes or left pre-revealed by what a writer types", () => {
    const html = renderMarkdown('||x" aria-expanded="true" onclick="alert(1)||');
    // Every tag is exactly the rule's own; the typed quotes stay text, escaped or inside it.
    expect(html.match(/<[a-z][^>]*>/g)).toEqual(["<p>", open]);
  });
});

describe("inline spoilers in plain text (notification excerpts, emails)", () => {
  it("replaces each spoiler with [spoiler] and leaves other bars alone", () => {
    expect(hideInlineSpoilers("Ruth ||apologises|| and ||Tommy completes||.")).toBe("Ruth [spoiler] and [spoiler].");
    expect(hideInlineSpoilers("a || b")).toBe("a || b");
    expect(hideInlineSpoilers("|| spaced ||")).toBe("|| spaced ||");
  });

  it("hides every phrase the renderer veils, even after bars that open no spoiler", () => {
    // Each case: the renderer veils the secret (the rule tries again one bar later, and stops at a paragraph).
    const cases = ["Spoiler: || ||Tommy completes||", "a ||b ||Ruth dies||", "end||\n\nwhy ||Ruth dies||", "x||\n\n||Ruth dies||"];
    for (const text of cases) {
      expect(renderMarkdown(text)).toContain(open);
      expect(hideInlineSpoilers(text)).not.toMatch(/Tommy completes|Ruth dies/);
    }
  });
});
