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

// <figure data-spread data-labels="a|b|c">: a time slider plays how the chain spread.
// Inside the nearest [data-spread-scope], every element with data-values (one value per
// moment, comma separated) shows the chosen moment's value, SVG bars take their x and
// width from data-xs and data-widths, and [data-spread-label] names the moment. Without
// this script the page shows the last moment and the controls stay hidden.
document.querySelectorAll("[data-spread]").forEach((figure) => {
  const scope = figure.closest("[data-spread-scope]") || figure;
  const slider = figure.querySelector("[data-spread-slider]");
  const button = figure.querySelector("[data-spread-play]");
  const controls = figure.querySelector("[data-spread-controls]");
  const labels = figure.dataset.labels.split("|");
  if (!slider || !button || !controls || labels.length < 2) {
    return;
  }
  const pick = (list, index) => list.split(",")[index];
  const show = (index) => {
    scope.querySelectorAll("[data-values]").forEach((el) => {
      el.textContent = pick(el.dataset.values, index);
    });
    scope.querySelectorAll("[data-xs]").forEach((el) => {
      el.setAttribute("x", pick(el.dataset.xs, index));
      el.setAttribute("width", pick(el.dataset.widths, index));
    });
    scope.querySelectorAll("[data-spread-label]").forEach((el) => {
      el.textContent = labels[index];
    });
    slider.setAttribute("aria-valuetext", labels[index]);
  };
  let timer = null;
  const stop = () => {
    window.clearInterval(timer);
    timer = null;
    button.textContent = figure.dataset.playText;
  };
  const step = () => {
    const next = Number(slider.value) + 1;
    if (next > Number(slider.max)) {
      stop();
      return;
    }
    slider.value = String(next);
    show(next);
  };
  button.addEventListener("click", () => {
    if (timer) {
      stop();
      return;
    }
    if (Number(slider.value) >= Number(slider.max)) {
      slider.value = "0";
      show(0);
    }
    button.textContent = figure.dataset.pauseText;
    timer = window.setInterval(step, 700);
  });
  slider.addEventListener("input", () => {
    stop();
    show(Number(slider.value));
  });
  controls.hidden = false;
});

// <p data-counter-for="id" data-counter-text="{count} of 500 characters">: follows the
// length of the text box as one types.
document.addEventListener("input", (event) => {
  const box = event.target;
  if (!box.id) {
    return;
  }
  document.querySelectorAll(`[data-counter-for="${CSS.escape(box.id)}"]`).forEach((counter) => {
    counter.textContent = counter.dataset.counterText.replace("{count}", String(box.value.length));
  });
});

// <button data-preview-for="id" data-preview-url="...">: show the server's rendering of
// the markdown in the box below it, without leaving the page. Without this script the
// button submits the form, and the page comes back with the same preview. With it the
// button is an ordinary button, so Enter in a field still saves the form.
document.querySelectorAll("[data-preview-for]").forEach((button) => {
  button.type = "button";
});
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-preview-for]");
  if (!button) {
    return;
  }
  const box = document.getElementById(button.dataset.previewFor);
  const region = document.getElementById(button.getAttribute("aria-controls"));
  const token = button.form && button.form.querySelector("[name=csrfmiddlewaretoken]");
  if (!box || !region || !token) {
    button.type = "submit";
    button.form.requestSubmit(button);
    return;
  }
  event.preventDefault();
  const body = new URLSearchParams({ text: box.value });
  const response = await fetch(button.dataset.previewUrl, {
    method: "POST",
    headers: { "X-CSRFToken": token.value },
    body,
    credentials: "same-origin",
  });
  if (response.ok) {
    // The server sanitised this HTML with the renderer that shows the text on the site.
    region.querySelector(".ov-markdown-preview__body").innerHTML = await response.text();
    region.hidden = false;
  } else {
    button.type = "submit";
    button.form.requestSubmit(button);
  }
});

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
