// A small helper to build elements without innerHTML, so that no text from the API (campaign names, goal names,
// alert messages) is ever read as markup.

/**
 * Creates an element. {@code attributes} values of null or undefined are skipped; 'dataset' takes an object of
 * data-* values; children may be strings, elements, arrays of them, or null.
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'dataset') {
      for (const [key, data] of Object.entries(value)) {
        if (data !== null && data !== undefined) {
          element.dataset[key] = String(data);
        }
      }
    } else if (name === 'className') {
      element.className = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : String(child));
    }
  }
}

/** Replaces the children of the element with the given id. */
export function fill(id, ...children) {
  const target = document.getElementById(id);
  target.replaceChildren();
  append(target, children);
  return target;
}
