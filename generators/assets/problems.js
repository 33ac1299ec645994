/* Shown while `playbook serve` runs: the playbook's problems over every page, until
   they are fixed (the page then reloads by itself). Written by the compiler. */
(function () {
  "use strict";
  var problems = window.__PLAYBOOK_PROBLEMS__ || [];
  function show() {
    var old = document.getElementById("pb-problems");
    if (old) { old.remove(); }
    if (!problems.length) { return; }
    var box = document.createElement("section");
    box.id = "pb-problems";
    box.setAttribute("role", "alert");
    box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
      "z-index:1000;background:#fff3f3;color:#5a0000;border-top:3px solid #b00020;" +
      "padding:1rem 1.5rem;font:14px/1.5 monospace;box-shadow:0 -4px 12px rgba(0,0,0,.2)";
    var heading = document.createElement("h2");
    heading.textContent = "The playbook has " + problems.length +
      (problems.length === 1 ? " problem" : " problems") +
      "; this page shows the last good build and reloads when they are fixed";
    heading.style.cssText = "margin:0 0 .5rem;font-size:15px";
    box.appendChild(heading);
    var list = document.createElement("ul");
    problems.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      list.appendChild(item);
    });
    box.appendChild(list);
    document.body.appendChild(box);
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(show); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", show); }
  else { show(); }
})();
