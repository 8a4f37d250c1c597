/**
 * A strict RFC 5545 content-line checker for tests: ical.js forgives what real calendar apps may
 * not (raw control characters, bare LF, unescaped commas), so the .ics output is also held to
 * the grammar itself. Returns the problems found, [] for a valid stream.
 *
 * Checked: CRLF line endings only, no line over 75 octets (§3.1), unfolding; every content line
 * `name *(";" param) ":" value` with no control character but tab (§3.1 VALUE-CHAR, §3.3.11);
 * TEXT properties escape backslash, comma and semicolon and use only \n \N \\ \, \; (§3.3.11);
 * BEGIN/END nest and match.
 */
const TEXT_PROPERTIES = new Set(["SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "NAME", "X-WR-CALNAME", "X-WR-CALDESC"]);
const NAME = /^(?:[A-Za-z0-9-]+)$/;
// §3.1: SAFE-CHAR / QSAFE-CHAR exclude controls (tab aside), DQUOTE, and for SAFE-CHAR ";" ":" ",".
const PARAM = /^[A-Za-z0-9-]+=(?:"[^"\u0000-\u0008\u000a-\u001f\u007f]*"|[^";:,\u0000-\u0008\u000a-\u001f\u007f]*)(?:,(?:"[^"\u0000-\u0008\u000a-\u001f\u007f]*"|[^";:,\u0000-\u0008\u000a-\u001f\u007f]*))*$/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
// §3.3.11: TSAFE-CHAR excludes "\", ";" and ","; those appear only escaped.
const TEXT = /^(?:[^\\;,\u0000-\u0008\u000a-\u001f\u007f]|\\[\\;,nN])*$/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function rfc5545Problems(stream: string): string[] {
  const problems: string[] = [];
  if (LONE_SURROGATE.test(stream)) problems.push("holds a lone surrogate, which has no UTF-8 form");
  if (!stream.endsWith("\r\n")) problems.push("does not end with CRLF");
  const physical = stream.split("\r\n");
  if (physical.at(-1) === "") physical.pop();
  const logical: string[] = [];
  physical.forEach((line, index) => {
    if (/[\r\n]/.test(line)) problems.push(`line ${index + 1} holds a bare CR or LF`);
    if (Buffer.byteLength(line, "utf8") > 75) problems.push(`line ${index + 1} is longer than 75 octets`);
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (logical.length === 0) problems.push("the stream starts with a continuation line");
      else logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  });
  const open: string[] = [];
  for (const line of logical) {
    const colon = indexOfUnquoted(line, ":");
    if (colon < 0) {
      problems.push(`no ":" in ${JSON.stringify(line)}`);
      continue;
    }
    const [name = "", ...params] = splitUnquoted(line.slice(0, colon), ";");
    const value = line.slice(colon + 1);
    if (!NAME.test(name)) problems.push(`bad property name ${JSON.stringify(name)}`);
    for (const param of params) if (!PARAM.test(param)) problems.push(`bad parameter ${JSON.stringify(param)} on ${name}`);
    if (CONTROL.test(value)) problems.push(`${name} holds a control character: ${JSON.stringify(value)}`);
    if (TEXT_PROPERTIES.has(name.toUpperCase()) && !TEXT.test(value)) problems.push(`${name} is not valid TEXT: ${JSON.stringify(value)}`);
    if (name === "BEGIN") open.push(value);
    if (name === "END" && open.pop() !== value) problems.push(`END:${value} does not close the open component`);
  }
  if (open.length > 0) problems.push(`unclosed: ${open.join(", ")}`);
  return problems;
}

function indexOfUnquoted(text: string, char: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (!quoted && text[i] === char) return i;
  }
  return -1;
}

function splitUnquoted(text: string, char: string): string[] {
  const parts: string[] = [];
  let rest = text;
  for (let at = indexOfUnquoted(rest, char); at >= 0; at = indexOfUnquoted(rest, char)) {
    parts.push(rest.slice(0, at));
    rest = rest.slice(at + 1);
  }
  parts.push(rest);
  return parts;
}
