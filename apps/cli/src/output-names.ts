import path from 'node:path';

/**
 * One output file name per input inside `outDir`: the input's base name with the format's
 * extension. Only the base name is used, so no input path can place a file outside the
 * folder; names that collide get -2, -3, … suffixes in input order.
 */
export function outputPaths(inputs: string[], outDir: string, extension: string): string[] {
  const names = uniqueNames(
    inputs.map((input) => (input === '-' ? 'stdin' : safeBaseName(input))),
    extension,
  );
  return names.map((name) => path.join(outDir, name));
}

/**
 * The names made unique in order, ignoring case (file systems may): a repeat gets -2, -3, …
 * before `suffix`.
 */
export function uniqueNames(bases: readonly string[], suffix = ''): string[] {
  const used = new Set<string>();
  return bases.map((base) => {
    let name = `${base}${suffix}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}${suffix}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export function safeBaseName(input: string): string {
  const base = path.basename(input.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
  // Control characters and separators have no place in a file name; dots-only names would
  // point at the folder itself or its parent.
  const cleaned = base.replace(/[\u0000-\u001f/\\:*?"<>|]/g, '_').trim();
  return cleaned && !/^\.+$/.test(cleaned) ? cleaned : 'document';
}
