/* The script of every workbench report page; workbench/reports/pack.py puts it in the head.
 *
 * - plotly.js travels once per page, gzip-compressed and base85-encoded, in a script
 *   element of type application/octet-stream with the id wb-plotly; loadPlotly() unpacks
 *   it with DecompressionStream and runs it. Each figure's script was rewritten at export
 *   into wbReport.defer(function () {...}) (or, when large, a packed element and
 *   deferPacked): they run in document order once Plotly is defined.
 * - Tables of class wb-table get a filter box and headers that sort on a click.
 * - A page holding several reports (all-reports.html) shows one at a time, by its tabs,
 *   and resizes the figures of a report when its tab is shown.
 * Nothing here fetches anything, and cell text is only ever read as text.
 */
(function () {
  "use strict";
  var UNSUPPORTED =
    "The figures of this report cannot be drawn: this browser has no DecompressionStream " +
    "to unpack plotly.js. Open the file in a current Firefox, Chrome, Edge or Safari.";
  var supported = typeof DecompressionStream === "function";
  var markReady;
  var chain = new Promise(function (resolve) {
    markReady = resolve;
  });

  function whenParsed(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  // Base85 (RFC 1924, as Python's base64.b85encode) with "." for "<", which keeps the
  // text of the element from ever closing it: 4 bytes in 5 characters.
  var DIGITS =
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-;.=>?@^_`{|}~";

  function decode85(text) {
    var digit = new Uint8Array(128);
    for (var d = 0; d < 85; d++) digit[DIGITS.charCodeAt(d)] = d;
    var tail = text.length % 5;
    var bytes = new Uint8Array(Math.floor(text.length / 5) * 4 + (tail ? tail - 1 : 0));
    for (var i = 0, out = 0; i < text.length; i += 5) {
      var word = 0;
      for (var j = i; j < i + 5; j++) {
        word = word * 85 + (j < text.length ? digit[text.charCodeAt(j)] : 84); // "~" pads
      }
      for (var shift = 24; shift >= 0 && out < bytes.length; shift -= 8) {
        bytes[out++] = (word >>> shift) & 255;
      }
    }
    return bytes;
  }

  function inflate(element) {
    var bytes = decode85(element.textContent.replace(/\s+/g, ""));
    var stream = new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text();
  }

  function run(source) {
    var script = document.createElement("script");
    script.text = source;
    document.head.appendChild(script);
    document.head.removeChild(script);
  }

  function notice(text) {
    whenParsed(function () {
      var box = document.createElement("p");
      box.className = "wb-notice";
      box.setAttribute("role", "alert");
      box.textContent = text;
      document.body.insertBefore(box, document.body.firstChild);
      document.querySelectorAll(".plotly-graph-div").forEach(function (div) {
        var note = document.createElement("p");
        note.className = "wb-notice";
        note.textContent = "Figure not drawn: see the note at the top of the page.";
        div.appendChild(note);
      });
    });
  }

  function failed(err) {
    console.error("workbench report: plotly.js could not be unpacked", err);
    notice("The figures of this report cannot be drawn: plotly.js could not be unpacked.");
  }

  window.wbReport = {
    /** Unpack and run plotly.js from #wb-plotly, then let the deferred figures draw. */
    loadPlotly: function () {
      var element = document.getElementById("wb-plotly");
      if (!element) return;
      if (!supported) {
        notice(UNSUPPORTED);
        return;
      }
      inflate(element)
        .then(run)
        .then(function () {
          if (window.Plotly) markReady();
          else failed(new Error("plotly.js did not define Plotly"));
        }, failed);
    },
    /** Run a figure's script once Plotly is defined, after the figures before it. */
    defer: function (draw) {
      chain = chain.then(function () {
        try {
          draw();
        } catch (err) {
          console.error(err);
        }
      });
    },
    /** Run a packed script (the element just before the call) in its turn, like defer. */
    deferPacked: function (element) {
      if (!supported) return;
      var source = inflate(element).catch(function (err) {
        console.error("workbench report: a packed script could not be unpacked", err);
        return "";
      });
      chain = chain.then(function () {
        return source.then(run);
      });
    },
  };

  whenParsed(function () {
    if (!document.getElementById("wb-plotly")) markReady();
  });

  // --------------------------------------------------------------------------- tables

  var NUMBER = /^[-+\u2212]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

  function sortKey(cell) {
    var text = cell ? cell.textContent.trim() : "";
    var plain = text.replace(/[,\s%]/g, "").replace("\u2212", "-");
    return NUMBER.test(plain)
      ? { empty: false, num: parseFloat(plain), text: text }
      : { empty: text === "", num: null, text: text.toLowerCase() };
  }

  function compare(a, b) {
    if (a.num !== null && b.num !== null) return a.num - b.num;
    if ((a.num === null) !== (b.num === null)) return a.num !== null ? -1 : 1;
    return a.text.localeCompare(b.text);
  }

  function sortBy(table, column, heads) {
    var head = heads[column];
    var direction = head.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    heads.forEach(function (th) {
      th.setAttribute("aria-sort", "none");
    });
    head.setAttribute("aria-sort", direction);
    var sign = direction === "ascending" ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows).map(function (row) {
      return { row: row, key: sortKey(row.cells[column]) };
    });
    rows.sort(function (x, y) {
      if (x.key.empty || y.key.empty) return x.key.empty - y.key.empty; // empty cells last
      return sign * compare(x.key, y.key);
    });
    rows.forEach(function (r) {
      body.appendChild(r.row);
    });
  }

  function filterRows(table, query, count) {
    var words = query.toLowerCase().trim();
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var keep = !words || rows[i].textContent.toLowerCase().indexOf(words) !== -1;
      rows[i].hidden = !keep;
      shown += keep ? 1 : 0;
    }
    count.textContent = words ? shown + " of " + rows.length + " rows" : "";
  }

  function enhanceTable(table) {
    if (table.dataset.wbReady || !table.tHead || !table.tBodies.length) return;
    table.dataset.wbReady = "1";
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    heads.forEach(function (th, column) {
      th.classList.add("wb-sortable");
      th.setAttribute("aria-sort", "none");
      th.tabIndex = 0;
      th.title = "Sort by this column (again to reverse)";
      th.addEventListener("click", function () {
        sortBy(table, column, heads);
      });
      th.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          sortBy(table, column, heads);
        }
      });
    });
    var bar = document.createElement("div");
    bar.className = "wb-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter rows";
    input.setAttribute("aria-label", "Show only the rows of this table holding this text");
    var count = document.createElement("span");
    count.className = "wb-count";
    input.addEventListener("input", function () {
      filterRows(table, input.value, count);
    });
    bar.appendChild(input);
    bar.appendChild(count);
    table.parentNode.insertBefore(bar, table);
  }

  whenParsed(function () {
    document.querySelectorAll("table.wb-table").forEach(enhanceTable);
  });

  // --------------------------------------------------------------------------- tabs

  function showReport(tabs, panels, index, remember) {
    tabs.forEach(function (tab, i) {
      tab.setAttribute("aria-selected", i === index ? "true" : "false");
      tab.tabIndex = i === index ? 0 : -1;
      panels[i].hidden = i !== index;
    });
    if (remember && history.replaceState) history.replaceState(null, "", "#" + panels[index].id);
    if (!window.Plotly) return; // figures drawn later size themselves to the shown panel
    panels[index].querySelectorAll(".js-plotly-plot").forEach(function (plot) {
      window.Plotly.Plots.resize(plot).catch(function () {});
    });
  }

  whenParsed(function () {
    var tabs = Array.prototype.slice.call(document.querySelectorAll(".wb-tabs [role=tab]"));
    var panels = tabs.map(function (tab) {
      return document.getElementById(tab.getAttribute("aria-controls"));
    });
    if (!tabs.length || panels.indexOf(null) !== -1) return;
    var wanted = panels.findIndex(function (panel) {
      return "#" + panel.id === location.hash;
    });
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () {
        showReport(tabs, panels, i, true);
      });
    });
    showReport(tabs, panels, Math.max(wanted, 0), false);
  });
})();
