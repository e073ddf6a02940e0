// Building DOM without HTML: every string becomes a text node or an attribute value, never markup.

type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === undefined || child === false) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

/** A class list from flags: cls('button', ['primary', true], ['blocked', false]) → "button primary". */
export function cls(...parts: (string | [string, boolean])[]): string {
  return parts.flatMap((p) => (typeof p === 'string' ? [p] : p[1] ? [p[0]] : [])).join(' ');
}
