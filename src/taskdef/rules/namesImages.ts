/** Family and container names, and image references. */
import { type Node, prop, str } from '../document';
import { hasCapitalsPlaceholder, hasPlaceholder } from '../placeholders';
import type { TaskContext } from './context';

const NAME = /^[a-zA-Z0-9_-]{1,255}$/;

export function nameAndImageRules(ctx: TaskContext): void {
  checkName(ctx, prop(ctx.def, 'family'), 'family');
  for (const c of ctx.containers) {
    checkName(ctx, prop(c.node, 'name'), 'container name');
    const image = prop(c.node, 'image');
    const v = str(image);
    if (image && v !== undefined && !hasPlaceholder(v) && !hasCapitalsPlaceholder(v)) {
      const problem = imageProblem(v);
      if (problem) ctx.error(image, 'invalid-image', `"${v}" is not a valid image reference: ${problem}`);
    }
  }
}

function checkName(ctx: TaskContext, node: Node | undefined, what: string): void {
  const v = str(node);
  if (!node || v === undefined || hasPlaceholder(v) || NAME.test(v)) return;
  const why = v.length === 0 ? 'it is empty' : v.length > 255 ? 'it is longer than 255 characters' : `"${v.match(/[^a-zA-Z0-9_-]/)?.[0]}" is not allowed`;
  const suggestion = v.replace(/[^a-zA-Z0-9_-]+/g, '-').slice(0, 255);
  ctx.error(node, 'invalid-name', `Invalid ${what} "${v}": ${why}. Use up to 255 letters, digits, "-" and "_".`, suggestion && suggestion !== v ? { replacement: suggestion } : undefined);
}

const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\\d+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@sha256:[a-fA-F0-9]{64})?$`);

/** Why `image` is not a Docker image reference, or undefined when it is one. */
export function imageProblem(image: string): string | undefined {
  if (image.length === 0) return 'it is empty.';
  if (/\s/.test(image)) return 'it contains whitespace.';
  if (/^[a-z]+:\/\//i.test(image)) return 'remove the URL scheme (e.g. "https://").';
  const at = image.indexOf('@');
  if (at >= 0 && !/^sha256:[a-fA-F0-9]{64}$/.test(image.slice(at + 1))) return 'a digest must be "sha256:" followed by 64 hex characters.';
  if ((at >= 0 ? at : image.length) > 255) return 'the repository and tag are longer than 255 characters.';
  if (image.endsWith(':')) return 'the tag after ":" is empty.';
  if (/^[^/]*\.amazonaws\.com(?!(\.cn)?\/)/.test(image)) return 'a "/" must separate the registry (….amazonaws.com) from the repository name.';
  if (REFERENCE.test(image)) return undefined;
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = withoutDigest.indexOf('/');
  const first = slash >= 0 ? withoutDigest.slice(0, slash) : '';
  const repoPart = first && /[.:]|^localhost$/.test(first) ? withoutDigest.slice(slash + 1) : withoutDigest;
  const name = repoPart.replace(/:[^/]*$/, '');
  if (/[A-Z]/.test(name)) return 'repository names must be lowercase.';
  const tag = /:([^/]*)$/.exec(repoPart)?.[1];
  if (tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(tag)) return 'a tag is up to 128 letters, digits, "_", "." and "-", not starting with "." or "-".';
  return 'expected [registry/]repository[:tag][@sha256:digest].';
}
