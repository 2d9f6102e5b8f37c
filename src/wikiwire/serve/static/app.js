// wikiwire serve: the page's only script, served from this server (the Content-Security-Policy
// allows no inline script). It adds conveniences; every action works without it.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Open the infobox value a link or a redirect points at (#fact-fatalities).
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.tagName === "DETAILS") {
      target.open = true;
    }
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);

  // Copy the wikitext to the clipboard.
  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", function () {
      var area = document.getElementById(button.getAttribute("data-copy"));
      var status = button.parentNode.querySelector(".copied");
      if (!area) {
        return;
      }
      function done(text) {
        if (status) {
          status.textContent = text;
        }
      }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(area.value).then(
          function () { done("Copied."); },
          function () { area.select(); done("Selected: press Ctrl+C to copy."); }
        );
      } else {
        area.focus();
        area.select();
        done(document.execCommand("copy") ? "Copied." : "Selected: press Ctrl+C to copy.");
      }
    });
  });

  // Escape closes an open tooltip's focus, as a pointer leaving it does.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.activeElement && document.activeElement.closest(".cite")) {
      document.activeElement.blur();
    }
  });
});
