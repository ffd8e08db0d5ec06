// Starts Redoc on the API documentation page; the schema URL and Redoc's settings come
// from data attributes (the Content Security Policy allows no inline script).
"use strict";

// Redoc's sidebar shows the Redocly logo straight from Redocly's CDN, with no option to
// turn it off. The page loads nothing from other hosts (and img-src would refuse it), so
// any image from elsewhere becomes an empty picture; the "API docs by Redocly" text stays.
const EMPTY_IMAGE = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E";

function sameOrigin(value) {
  const url = new URL(String(value), window.location.href);
  return url.origin === window.location.origin || url.protocol === "data:";
}

const srcProperty = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
Object.defineProperty(HTMLImageElement.prototype, "src", {
  ...srcProperty,
  set(value) {
    srcProperty.set.call(this, sameOrigin(value) ? value : EMPTY_IMAGE);
  },
});
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
  if (this instanceof HTMLImageElement && name.toLowerCase() === "src" && !sameOrigin(value)) {
    value = EMPTY_IMAGE;
  }
  return setAttribute.call(this, name, value);
};

const container = document.getElementById("redoc-container");
Redoc.init(
  container.dataset.schemaUrl,
  JSON.parse(container.dataset.settings || "{}"),
  container,
);
