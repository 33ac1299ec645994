/* Printing one view (a team view, a calibration) without the rest of the page: the view is
 * marked, and the print style sheet (assessment.css) hides everything that does not hold it. */

/** Print `el` alone; the marks are taken off once the print dialog closes. */
export function printView(el) {
  const root = document.documentElement;
  el.classList.add("pb-print-target");
  root.classList.add("pb-printing-view");
  const done = function () {
    el.classList.remove("pb-print-target");
    root.classList.remove("pb-printing-view");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}
