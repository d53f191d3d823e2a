// The one script: on a report's page, each highlight kind can be switched off to read the text plainly.
document.addEventListener("DOMContentLoaded", () => {
  const body = document.getElementById("body");
  if (!body) return;
  for (const box of document.querySelectorAll("input[data-toggle]")) {
    box.addEventListener("change", () => body.classList.toggle("off-" + box.dataset.toggle, !box.checked));
  }
});
