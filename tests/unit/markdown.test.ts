import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/discussion/markdown";

describe("renderMarkdown", () => {
  it("renders emphasis, quotes and lists", () => {
    expect(renderMarkdown("**bold** and *soft*\n\n> quoted\n\n- one\n- two")).toBe(
      "<p><strong>bold</strong> and <em>soft</em></p>\n<blockquote>\n<p>quoted</p>\n</blockquote>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
    );
  });

  it("shows raw HTML as text instead of running it", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });

  it.each(["[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)"])(
    "refuses a dangerous link: %s",
    (source) => {
      expect(renderMarkdown(source)).not.toMatch(/href/);
    },
  );

  it("opens links in a new tab without handing over the window or referrer", () => {
    expect(renderMarkdown("[Ishiguro](https://example.com/ishiguro)")).toBe(
      '<p><a href="https://example.com/ishiguro" target="_blank" rel="noopener noreferrer nofollow ugc">Ishiguro</a></p>\n',
    );
  });

  it("keeps line breaks a person typed", () => {
    expect(renderMarkdown("line one\nline two")).toBe("<p>line one<br />\nline two</p>\n");
  });
});
