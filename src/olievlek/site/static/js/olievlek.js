// Behaviour the templates ask for with data attributes. The Content Security Policy
// allows no inline script or event handler (onclick=, onsubmit=), so it lives here.
"use strict";

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
