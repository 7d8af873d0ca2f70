// Small DOM helpers: build elements from data without innerHTML, so that text from the server
// (names, reasons, finding messages) can never become markup. No I/O.

// h('div', {class: 'x', id: 'y', 'data-k': 'v', onclick: fn}, child, [children], 'text')
// Attributes: `class`, `for`, `data-*`, `aria-*` and other plain attributes are set with
// setAttribute; `on<event>` keys add listeners; `value`, `checked`, `disabled`, `selected`,
// `hidden`, `required` are set as properties. null/undefined/false children are skipped.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === undefined || value === null || value === false) continue;
      if (key.startsWith('on') && typeof value === 'function') {
        el.addEventListener(key.slice(2), value);
      } else if (PROPS.has(key)) {
        el[key] = value;
      } else {
        el.setAttribute(key, value === true ? '' : String(value));
      }
    }
  }
  append(el, children);
  return el;
}

const PROPS = new Set(['value', 'checked', 'disabled', 'selected', 'hidden', 'required']);

// Appends children (strings, numbers, nodes, nested arrays) to el.
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

// Replaces everything inside el with the given children.
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}
