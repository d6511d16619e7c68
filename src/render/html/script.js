// editions: navigation only. The page reads without it: views, filters
// and collapsed runs are CSS and <details>. This adds the keys n / p (next
// and previous change; on a blame page, sentence new in the edition), opens the paragraph the address names (#p-14)
// even inside a collapsed run or a filtered kind, and records any script
// error on <html data-script-errors> (data-script="ready" once set up).
(function () {
  "use strict";
  var root = document.documentElement;
  var errors = [];
  window.addEventListener("error", function (e) {
    errors.push(String(e.message));
    root.setAttribute("data-script-errors", errors.join(" | "));
  });
  var current = null;

  function shown(el) {
    return el.getClientRects().length > 0;
  }
  function steps() {
    var all = document.querySelectorAll('.chg:not([data-kind="unchanged"]), tr.thread, .bs.a0');
    return Array.prototype.filter.call(all, shown);
  }
  function barHeight() {
    var bar = document.querySelector(".toolbar");
    return bar ? bar.getBoundingClientRect().height : 0;
  }
  function select(el) {
    if (current) current.classList.remove("cur");
    current = el;
    el.classList.add("cur");
    el.scrollIntoView({ block: "start" });
    if (el.id && history.replaceState) history.replaceState(null, "", "#" + el.id);
  }
  function go(step) {
    var list = steps();
    if (!list.length) return;
    var i = current ? list.indexOf(current) : -1;
    var box = current ? current.getBoundingClientRect() : null;
    var next;
    if (i >= 0 && box && box.bottom > 0 && box.top < window.innerHeight) {
      next = i + step;
    } else {
      var line = barHeight() + 8;
      var k;
      if (step > 0) {
        for (k = 0; k < list.length && list[k].getBoundingClientRect().top <= line; k++);
      } else {
        for (k = list.length - 1; k >= 0 && list[k].getBoundingClientRect().top >= line - 16; k--);
      }
      next = k;
    }
    if (next >= 0 && next < list.length) select(list[next]);
  }
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || e.defaultPrevented) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(TEXTAREA|SELECT)$/.test(t.tagName) || (t.tagName === "INPUT" && t.type === "text"))) return;
    if (e.key === "n") go(1);
    else if (e.key === "p") go(-1);
    else return;
    e.preventDefault();
  });

  // The address opens its paragraph: collapsed runs opened, a filtered
  // kind shown again.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    if (!el) return;
    for (var d = el.parentElement; d; d = d.parentElement) {
      if (d.tagName === "DETAILS") d.open = true;
    }
    var chg = el.closest(".chg");
    if (chg && !shown(chg)) {
      var box = document.getElementById("f-" + chg.getAttribute("data-kind"));
      if (box) box.checked = true;
    }
    el.scrollIntoView({ block: "start" });
    if (chg) {
      if (current) current.classList.remove("cur");
      current = chg;
      chg.classList.add("cur");
    }
  }
  window.addEventListener("hashchange", openTarget);
  if (location.hash) openTarget();
  root.setAttribute("data-script", "ready");
})();
