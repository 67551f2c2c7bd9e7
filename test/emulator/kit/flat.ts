/**
 * V8 keeps a string built with `+` or a template as a tree of its pieces (a cons string, 32 bytes a
 * node) until something reads it whole. Reading a character flattens it in place, and the garbage
 * collector then drops the tree: ids and ARNs the emulator keeps by the hundred thousand (the
 * `scale` seed) take half the memory, and seeding copies half as much.
 */
export function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}
