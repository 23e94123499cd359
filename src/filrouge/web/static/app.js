/* filrouge web: progressive enhancement only. Every page works without this file.
   - story timelines: zoom (wheel, buttons) and pan (drag, arrow keys) over the server-drawn
     axis; the list below shows only the entries in view;
   - upload page: files sent one by one with fetch(), with progress and per-file results.
   No inline script anywhere (the Content-Security-Policy forbids it); DOM text is set with
   textContent, never innerHTML. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var DAY_MS = 86400000;

  function isoDay(day) {
    return new Date(day * DAY_MS).toISOString().slice(0, 10);
  }

  function setupTimeline(figure) {
    var svg = figure.querySelector("svg");
    var list = figure.parentNode.querySelector("ol.timeline");
    if (!svg || !list) { return; }
    var dots = Array.prototype.slice.call(svg.querySelectorAll(".dot"));
    if (!dots.length) { return; }
    var items = Array.prototype.slice.call(list.children);
    var days = dots.map(function (d) { return Number(d.getAttribute("data-day")); });
    var lo = Math.min.apply(null, days), hi = Math.max.apply(null, days);
    var margin = Math.max(2, (hi - lo) * 0.03);
    var full = [lo - margin, hi + margin];
    var view = full.slice();
    var W = 1000, PAD = 12;
    var controls = figure.querySelector(".zoom-controls");
    var status = figure.querySelector(".zoom-status");
    var tickLayer = document.createElementNS(SVG_NS, "g");
    svg.querySelectorAll(".tick").forEach(function (t) { t.parentNode.removeChild(t); });
    svg.insertBefore(tickLayer, svg.querySelector(".dot"));

    function x(day) { return PAD + (W - 2 * PAD) * (day - view[0]) / (view[1] - view[0]); }
    function dayAt(clientX) {
      var box = svg.getBoundingClientRect();
      var unit = (clientX - box.left) / box.width * W;
      return view[0] + (unit - PAD) / (W - 2 * PAD) * (view[1] - view[0]);
    }

    function ticks() {
      while (tickLayer.firstChild) { tickLayer.removeChild(tickLayer.firstChild); }
      var span = view[1] - view[0];
      var start = new Date(view[0] * DAY_MS), marks = [];
      if (span > 3 * 365) {
        for (var y = start.getUTCFullYear(); y <= start.getUTCFullYear() + span / 365 + 1; y++) {
          marks.push([Date.UTC(y, 0, 1) / DAY_MS, String(y)]);
        }
      } else if (span > 75) {
        var step = span > 730 ? 6 : span > 365 ? 3 : 1;
        for (var m = 0; m < span / 28 + 2; m += step) {
          var when = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m, 1);
          marks.push([when / DAY_MS, new Date(when).toISOString().slice(0, 7)]);
        }
      } else {
        var every = span > 30 ? 7 : span > 10 ? 2 : 1;
        for (var d = Math.ceil(view[0]); d <= view[1]; d += every) { marks.push([d, isoDay(d)]); }
      }
      marks.forEach(function (mark) {
        if (mark[0] < view[0] || mark[0] > view[1]) { return; }
        var g = document.createElementNS(SVG_NS, "g");
        g.setAttribute("class", "tick");
        var line = document.createElementNS(SVG_NS, "line");
        var px = x(mark[0]).toFixed(1);
        line.setAttribute("x1", px); line.setAttribute("x2", px);
        line.setAttribute("y1", "20"); line.setAttribute("y2", "36");
        var text = document.createElementNS(SVG_NS, "text");
        text.setAttribute("x", px); text.setAttribute("y", "52");
        text.textContent = mark[1];
        g.appendChild(line); g.appendChild(text);
        tickLayer.appendChild(g);
      });
    }

    function draw() {
      var shown = 0;
      dots.forEach(function (dot, i) {
        var inside = days[i] >= view[0] && days[i] <= view[1];
        var circle = dot.querySelector("circle");
        circle.setAttribute("cx", x(days[i]).toFixed(2));
        if (inside) { dot.removeAttribute("visibility"); } else { dot.setAttribute("visibility", "hidden"); }
      });
      items.forEach(function (item) {
        var raw = item.getAttribute("data-day");
        var day = raw === "" ? NaN : Number(raw);
        var inside = isNaN(day) || (day >= view[0] && day <= view[1]);
        item.classList.toggle("out-of-range", !inside);
        if (inside) { shown++; }
      });
      ticks();
      var zoomed = view[0] > full[0] + 0.5 || view[1] < full[1] - 0.5;
      status.textContent = zoomed
        ? shown + " of " + items.length + " entries, " + isoDay(Math.max(view[0], lo)) + " → " + isoDay(Math.min(view[1], hi))
        : items.length + " entries";
    }

    function zoom(factor, around) {
      var span = view[1] - view[0];
      var next = Math.min(Math.max(span * factor, 3), (full[1] - full[0]));
      var center = around === undefined ? (view[0] + view[1]) / 2 : around;
      var share = (center - view[0]) / span;
      view = clamp([center - share * next, center - share * next + next]);
      draw();
    }

    function clamp(range) {
      var span = range[1] - range[0];
      if (range[0] < full[0]) { range = [full[0], full[0] + span]; }
      if (range[1] > full[1]) { range = [full[1] - span, full[1]]; }
      return range;
    }

    controls.hidden = false;
    figure.setAttribute("data-ready", "");
    svg.setAttribute("tabindex", "0");
    controls.addEventListener("click", function (event) {
      var action = event.target.getAttribute && event.target.getAttribute("data-zoom");
      if (action === "in") { zoom(0.5); }
      if (action === "out") { zoom(2); }
      if (action === "reset") { view = full.slice(); draw(); }
    });
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 0.8 : 1.25, dayAt(event.clientX));
    }, { passive: false });
    svg.addEventListener("keydown", function (event) {
      var span = view[1] - view[0];
      if (event.key === "ArrowLeft") { view = clamp([view[0] - span * 0.1, view[1] - span * 0.1]); draw(); }
      else if (event.key === "ArrowRight") { view = clamp([view[0] + span * 0.1, view[1] + span * 0.1]); draw(); }
      else if (event.key === "+" || event.key === "=") { zoom(0.5); }
      else if (event.key === "-") { zoom(2); }
      else { return; }
      event.preventDefault();
    });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      drag = { x: event.clientX, view: view.slice(), moved: false };
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) { return; }
      var box = svg.getBoundingClientRect();
      var dx = event.clientX - drag.x;
      if (Math.abs(dx) > 3) { drag.moved = true; }
      if (!drag.moved) { return; }
      var shift = dx / box.width * W / (W - 2 * PAD) * (drag.view[1] - drag.view[0]);
      view = clamp([drag.view[0] - shift, drag.view[1] - shift]);
      draw();
    });
    function endDrag() { setTimeout(function () { drag = null; }, 0); }
    svg.addEventListener("pointerup", endDrag);
    svg.addEventListener("pointerleave", endDrag);
    svg.addEventListener("click", function (event) {
      if (drag && drag.moved) { event.preventDefault(); }
    }, true);
    draw();
  }

  function setupUpload(form) {
    var input = form.querySelector("input[type=file]");
    var drop = form.querySelector(".drop");
    var token = form.querySelector("input[name=csrf_token]").value;
    var maxBytes = Number(form.getAttribute("data-max-bytes")) || Infinity;
    var box = document.getElementById("progress");
    var bar = document.getElementById("progress-bar");
    var text = document.getElementById("progress-text");
    var results = document.getElementById("upload-results");
    var chosen = [];

    function choose(files) {
      chosen = Array.prototype.slice.call(files);
      drop.firstChild.textContent = chosen.length + " file(s) chosen: " +
        chosen.map(function (f) { return f.name; }).join(", ") + " ";
    }
    input.addEventListener("change", function () { choose(input.files); });
    ["dragenter", "dragover"].forEach(function (name) {
      drop.addEventListener(name, function (event) { event.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      drop.addEventListener(name, function () { drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) { choose(event.dataTransfer.files); }
    });

    function report(file, status, reason, link) {
      var li = document.createElement("li");
      li.className = status.replace(/ /g, "-");
      var name = document.createElement("strong");
      name.textContent = file;
      li.appendChild(name);
      li.appendChild(document.createTextNode(": " + status + (reason ? " — " + reason : "")));
      if (link && /^\/articles\/[0-9a-f]+$/.test(link.href)) {
        li.appendChild(document.createTextNode(" · "));
        var a = document.createElement("a");
        a.href = link.href;
        a.textContent = link.title || link.href;
        li.appendChild(a);
      }
      results.appendChild(li);
    }

    function post(url, body) {
      return fetch(url, {
        method: "POST", body: body, credentials: "same-origin",
        headers: { "X-CSRF-Token": token, "Accept": "application/json" }
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) {
          if (!response.ok) { throw new Error(data.error || ("HTTP " + response.status)); }
          return data;
        });
      });
    }

    form.addEventListener("submit", function (event) {
      if (!chosen.length) { chosen = Array.prototype.slice.call(input.files); }
      if (!chosen.length) { return; }
      event.preventDefault();
      var files = chosen.slice();
      box.hidden = false;
      bar.max = files.length + 1;
      bar.value = 0;
      results.textContent = "";
      var done = 0;
      function next() {
        if (done >= files.length) {
          text.textContent = "Regrouping stories…";
          return post("/api/ingest/stories", null).then(function (data) {
            bar.value = bar.max;
            text.textContent = files.length + " file(s) processed; " + data.stories + " stories.";
          });
        }
        var file = files[done];
        text.textContent = "Analysing " + file.name + " (" + (done + 1) + " of " + files.length + ")…";
        var step;
        if (file.size > maxBytes) {
          report(file.name, "rejected", "file too large (" + file.size + " bytes)");
          step = Promise.resolve();
        } else {
          var body = new FormData();
          body.append("csrf_token", token);
          body.append("files", file, file.name);
          step = post("/api/ingest?stories=false", body).then(function (data) {
            (data.results || []).forEach(function (r) {
              report(r.file, r.status, r.reason, r.url_page ? { href: r.url_page, title: r.title || r.article } : null);
            });
          }, function (error) { report(file.name, "rejected", error.message); });
        }
        return step.then(function () { done++; bar.value = done; return next(); });
      }
      next().catch(function (error) { text.textContent = "Stopped: " + error.message; });
    });
  }

  document.querySelectorAll("[data-timeline]").forEach(setupTimeline);
  var upload = document.getElementById("upload");
  if (upload) { setupUpload(upload); }
}());
