/** Reads the first line of a piped stdin (so a password need not appear in shell history). */
export async function readFirstLine(stream: NodeJS.ReadStream): Promise<string | undefined> {
  if (stream.isTTY) return undefined;
  stream.setEncoding("utf8");
  let buffer = "";
  for await (const chunk of stream) {
    buffer += String(chunk);
    const end = buffer.indexOf("\n");
    if (end >= 0) {
      buffer = buffer.slice(0, end);
      break;
    }
  }
  return buffer.replace(/\r$/, "");
}
