/** A long title over two lines at most, so the axis stays narrow. */
export function wrapped(name: string, width = 34): string[] {
  const words = name.split(/\s+/);
  const lines: string[] = [''];
  for (const word of words) {
    const last = lines.length - 1;
    if (((lines[last] as string) + word).length > width && lines[last] !== '') lines.push(word);
    else lines[last] = lines[last] ? `${lines[last]} ${word}` : word;
  }
  return lines.length > 2
    ? [lines[0] as string, `${(lines[1] as string).slice(0, width - 1)}…`]
    : lines;
}
