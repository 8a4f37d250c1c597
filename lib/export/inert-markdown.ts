import "server-only";

// A reply's Markdown, made inert for a Markdown reader that renders HTML (Obsidian, Typora, and
// markdown-it or marked with html on). In the app, raw HTML in a reply is never live and links
// other than http(s) and mailto are refused (lib/discussion/markdown.ts); the export's Markdown
// files are read by other programs, so the text itself must carry that. It reads as its author
// typed it: `&` and every `<` become entities, which every reader shows as the characters; a link to
// anything but http(s) and mailto, an image and a link reference definition have their bracket escaped, so
// they show as the text written. Code (a fence at the start of a line, an inline code span) is
// left as it is: a reader shows it as code, never as HTML. Where the scan cannot be sure
// something is code it escapes it, which at worst shows an entity inside code.

const safeScheme = /^(https?|mailto):/i;
const punctuation = /[!-/:-@[-`{-~]/;

/**
 * Whether a link destination, as written after `](`, is anything but an http(s) or mailto
 * address: another scheme, or an address relative to the file (which leads nowhere in an export
 * and hides tricks such as `&#106;avascript:`), or missing.
 */
function unsafeDestination(rest: string): boolean {
  if (rest.trim() === "") return true; // the destination may follow on the next line: not checked, so not a link
  const destination = rest
    .replace(/^\s*(&lt;|<)?/, "")
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    // Browsers drop control characters and spaces at the start and tabs and newlines inside.
    .replace(/[\u0000-\u0020\u007f]/g, "");
  return !safeScheme.test(destination);
}

/** A backtick run's matching close on the same line, as CommonMark pairs them; -1 when none or a table's `|` lies between. */
function codeSpanEnd(line: string, start: number, length: number): number {
  let index = start + length;
  while (index < line.length) {
    if (line[index] === "|") return -1; // a table row splits at it before code spans are found
    if (line[index] !== "`") {
      index += 1;
      continue;
    }
    let run = 0;
    while (line[index + run] === "`") run += 1;
    if (run === length) return index + run;
    index += run;
  }
  return -1;
}

/** One line outside a fence, made inert (see the module's comment). */
function inertLine(line: string): string {
  let out = "";
  let index = 0;
  while (index < line.length) {
    const char = line[index] as string;
    const next = line[index + 1] ?? "";
    if (char === "\\" && punctuation.test(next)) {
      out += char + next; // an escape pair stays a pair: `\<` already shows as `<`
      index += 2;
    } else if (char === "`") {
      let run = 0;
      while (line[index + run] === "`") run += 1;
      const end = codeSpanEnd(line, index, run);
      out += end === -1 ? line.slice(index, index + run) : line.slice(index, end);
      index = end === -1 ? index + run : end;
    } else if (char === "<" || char === "&") {
      // Every `<`, an autolink's too: a reader that missed the autolink would hand
      // `<https://x/onmouseover=…>` to the browser as a tag. Its address stays, for readers that link bare addresses.
      out += char === "<" ? "&lt;" : "&amp;";
      index += 1;
    } else if (char === "!" && next === "[") {
      out += "!\\["; // an image: its address is not loaded, its text reads as written
      index += 2;
    } else if (char === "]" && (next === ":" || (next === "(" && unsafeDestination(line.slice(index + 2))))) {
      out += "\\]"; // a reference definition, or a link to another scheme: text
      index += 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/**
 * A reply's Markdown as inert Markdown, line by line (CR, LF and CRLF all end a line; the
 * result's lines are joined by LF). Fenced code that opens at the line's start is kept as typed.
 */
export function inertMarkdown(source: string): string {
  let fence: { char: string; length: number } | null = null;
  return source
    .split(/\r\n|\r|\n/)
    .map((line) => {
      if (fence) {
        const close = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
        if (close?.[1]?.[0] === fence.char && close[1].length >= fence.length) fence = null;
        return line;
      }
      const open = /^(`{3,}|~{3,})(.*)$/.exec(line);
      if (open && open[1] && !(open[1][0] === "`" && (open[2] ?? "").includes("`"))) {
        fence = { char: open[1][0] as string, length: open[1].length };
        return line;
      }
      return inertLine(line);
    })
    .join("\n");
}
