// Behaviour the templates ask for with data attributes. The Content Security Policy
// allows no inline script or event handler (onclick=, onsubmit=), so it lives here.
"use strict";

// The stylesheet folds the main menu behind its button only when this script runs.
document.documentElement.classList.add("js");

// <form data-confirm="Question?">: ask before submitting; cancelling keeps the page as is.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// <button data-print>: print the page.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// <button data-menu-toggle aria-controls="..." aria-expanded>: show or hide the main menu.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-menu-toggle]");
  if (button) {
    const open = button.getAttribute("aria-expanded") === "true";
    button.setAttribute("aria-expanded", String(!open));
  }
});

// Escape closes the open menu and puts the focus back on its button.
document.addEventListener("keydown", (event) => {
  const button = document.querySelector("[data-menu-toggle][aria-expanded='true']");
  if (event.key === "Escape" && button) {
    button.setAttribute("aria-expanded", "false");
    button.focus();
  }
});

// <details data-open-wide>: filters fold away on a phone and stand open on a wide screen.
if (window.matchMedia("(min-width: 50rem)").matches) {
  document.querySelectorAll("details[data-open-wide]").forEach((details) => {
    details.open = true;
  });
}

// <textarea maxlength data-counter="%(count)s of %(max)s ...">: a live character counter
// below the field (the help text already states the limit for those without script).
document.querySelectorAll("textarea[data-counter][maxlength]").forEach((field) => {
  const counter = document.createElement("p");
  counter.className = "utrecht-form-field-description ov-counter";
  counter.id = `${field.id}_counter`;
  counter.setAttribute("aria-live", "polite");
  const update = () => {
    counter.textContent = field.dataset.counter
      .replace("%(count)s", String(field.value.length))
      .replace("%(max)s", field.getAttribute("maxlength"));
  };
  update();
  field.after(counter);
  field.addEventListener("input", update);
});
