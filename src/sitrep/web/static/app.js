/* sitrep web UI: map and timeline, contested board, article view, search.
 *
 * Plain JavaScript, no build step, nothing loaded from outside this server.
 * Every string that comes from an article (titles, text, speakers, sides, outlets)
 * reaches the page through textContent or a text node, never as an HTML string:
 * the `h` helper below is the only way this file creates elements, and it has no
 * path that parses markup.
 */
(function () {
  "use strict";

  // ---- DOM helpers ----------------------------------------------------------------------

  var SAFE_URL = /^https?:\/\//i;

  /** Create an element. attrs: className, text, href, title, data-*, aria-*, type, value, style vars. */
  function h(tag, attrs, children) {
    var node = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (key) {
      var v = a[key];
      if (v === null || v === undefined || v === false) return;
      if (/^on/i.test(key)) throw new Error("event handler attributes are not allowed");
      if (key === "className") node.className = v;
      else if (key === "text") node.textContent = String(v);
      else if (key === "href") node.setAttribute("href", safeHref(v));
      else if (key === "vars") Object.keys(v).forEach(function (k) { node.style.setProperty(k, v[k]); });
      else node.setAttribute(key, String(v));
    });
    append(node, children);
    return node;
  }

  /** Append children: nodes, strings (as text, never markup) and nested arrays of either. */
  function append(node, children) {
    if (children === null || children === undefined || children === false) return node;
    if (Array.isArray(children)) { children.forEach(function (c) { append(node, c); }); return node; }
    node.appendChild(typeof children === "string" || typeof children === "number"
      ? document.createTextNode(String(children)) : children);
    return node;
  }

  /** Internal links (#/…, /…) pass; outside links only when http(s); anything else (javascript:, data:) is dropped. */
  function safeHref(v) {
    var s = String(v);
    if (s.charAt(0) === "#" || (s.charAt(0) === "/" && s.charAt(1) !== "/")) return s;
    return SAFE_URL.test(s) ? s : "#";
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }
  function $(id) { return document.getElementById(id); }

  function setStatus(msg) { $("status-line").textContent = msg; }

  // ---- API ------------------------------------------------------------------------------

  function query(params) {
    var q = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      var v = params[k];
      if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
    });
    var s = q.toString();
    return s ? "?" + s : "";
  }

  function api(path, params) {
    return fetch("/api" + path + query(params), { headers: { Accept: "application/json" } }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) {
          var msg = body && body.error ? body.error.message : "HTTP " + r.status;
          throw new Error(msg);
        }
        return body;
      });
    });
  }

  /** Follow `next` cursors up to maxPages pages. */
  function apiAll(path, params, maxPages) {
    var items = [];
    function step(cursor, left) {
      var p = Object.assign({}, params, { cursor: cursor });
      return api(path, p).then(function (page) {
        items = items.concat(page.items);
        if (page.next && left > 1) return step(page.next, left - 1);
        return items;
      });
    }
    return step(null, maxPages || 5);
  }

  // ---- sides, statuses, labels ----------------------------------------------------------

  var SIDE_COLOURS = {
    "Russia": "#c92a2a", "Ukraine": "#1864ab", "United States": "#5f3dc4", "United Kingdom": "#0b7285",
    "NATO": "#364fc7", "European Union": "#3b5bdb", "Belarus": "#a61e4d", "Moldova": "#d9480f",
    "Poland": "#e8590c", "Iran": "#2b8a3e", "China": "#862e9c"
  };
  var OTHER_COLOURS = ["#0c8599", "#5c940d", "#9c36b5", "#495057", "#1098ad", "#74b816", "#5f3dc4"];
  var UNATTRIBUTED = "#868e96";
  var MIXED = "#f08c00";
  var STATUS_RING = { "contested": "#c2255c", "corroborated": "#2b8a3e", "single-source": "#495057" };
  var STATUS_LABEL = { "contested": "Contested", "corroborated": "Corroborated", "single-source": "Single-source" };
  var KIND_LABEL = { "direct": "direct quote", "indirect": "indirect (reported)", "mixed": "mixed quote" };

  function sideColour(side) {
    if (!side) return UNATTRIBUTED;
    if (Object.prototype.hasOwnProperty.call(SIDE_COLOURS, side)) return SIDE_COLOURS[side];
    var hash = 0;
    for (var i = 0; i < side.length; i++) hash = (hash * 31 + side.charCodeAt(i)) >>> 0;
    return OTHER_COLOURS[hash % OTHER_COLOURS.length];
  }

  function sideBadge(side) {
    return h("span", { className: "badge side", vars: { "--side": sideColour(side) }, text: side || "unattributed" });
  }

  function statusBadge(status) {
    if (!status) return null;
    return h("span", { className: "badge " + (STATUS_LABEL[status] ? status : ""), text: STATUS_LABEL[status] || status });
  }

  function articleLink(articleId, claimIdx) {
    return "#/article/" + encodeURIComponent(articleId) + (claimIdx === null || claimIdx === undefined ? "" : "?claim=" + claimIdx);
  }

  /** One claim as a card: speaker and side, the words, how it was said, and where it was read. */
  function claimCard(c, opts) {
    var o = opts || {};
    var sp = c.speaker || {};
    var art = c.article || {};
    var when = c.said_on || art.published;
    var mention = sp.text && sp.text !== sp.name ? h("span", { className: "mention", text: " (“" + sp.text + "”)" }) : null;
    var badges = h("div", { className: "meta" }, [
      o.hideSide ? null : sideBadge(sp.side),
      c.polarity === "deny" ? h("span", { className: "badge deny", text: "denial" }) : null,
      c.unverified ? h("span", { className: "badge unverified", text: "unverified",
                                 title: "The reporter says this could not be independently verified." })
        : h("span", { className: "badge attributed", text: "attributed",
                      title: "The report attributes this to the speaker; it says nothing about verification." }),
      (c.hedges || []).map(function (x) { return h("span", { className: "badge hedge", text: "hedge: " + x }); }),
      c.storyline && !o.hideStoryline ? statusBadge(c.storyline.status) : null
    ]);
    var meta = h("div", { className: "meta" }, [
      h("span", { text: KIND_LABEL[c.kind] || c.kind }),
      c.cue ? h("span", { text: "cue: " + c.cue }) : null,
      c.channel ? h("span", { text: "via " + c.channel }) : null,
      when ? h("span", { text: (c.said_on ? "said " : "published ") + when }) : null
    ]);
    var source = h("div", { className: "meta" }, [
      h("a", { className: "source-link", href: articleLink(c.article_id, c.idx),
               "data-article": c.article_id, "data-claim": c.idx,
               text: "Source: " + (art.outlet || "unknown outlet") + (art.published ? ", " + art.published : "") }),
      art.url && SAFE_URL.test(art.url) ? h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank", text: " original ↗" }) : null
    ]);
    return h("div", { className: "claim-card", vars: { "--side": sideColour(sp.side) }, "data-claim-id": c.id }, [
      h("div", { className: "who" }, [sp.name || "unknown speaker", mention]),
      h("blockquote", { text: c.content }),
      meta, badges, source
    ]);
  }

  // ---- state and routing ----------------------------------------------------------------

  var state = { overview: null, map: null, eventLayer: null, since: null, until: null, boardCursor: null };

  function route() {
    var hash = location.hash || "#/map";
    var m = /^#\/([a-z]+)(?:\/([^?]*))?(?:\?(.*))?$/.exec(hash) || [];
    return { view: m[1] || "map", arg: m[2] ? decodeURIComponent(m[2]) : null, params: new URLSearchParams(m[3] || "") };
  }

  function show(view) {
    ["map", "board", "article", "articles", "search"].forEach(function (v) { $("view-" + v).hidden = v !== view; });
    document.querySelectorAll(".top nav a[data-view]").forEach(function (a) {
      a.classList.toggle("active", a.getAttribute("data-view") === view);
    });
  }

  function onRoute() {
    var r = route();
    show(r.view);
    var done;
    if (r.view === "map") done = showMap();
    else if (r.view === "board") done = showBoard(r.params);
    else if (r.view === "article") done = showArticle(r.arg, r.params);
    else if (r.view === "articles") done = showArticles();
    else if (r.view === "search") done = showSearch(r.params.get("q") || "");
    Promise.resolve(done).catch(function (err) { setStatus("Could not load: " + err.message); });
  }

  // ---- map ------------------------------------------------------------------------------

  function mapFilters() {
    return { side: $("f-side").value, type: $("f-type").value, status: $("f-status").value };
  }

  function showMap() {
    if (!state.map) initMap();
    else state.map.invalidateSize();
    return Promise.resolve();
  }

  function initMap() {
    var map = L.map("map", { zoomSnap: 0.5, worldCopyJump: false, maxBounds: [[20, -40], [80, 80]] });
    state.map = map;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth · geoBoundaries · GeoNames · Leaflet");
    map.setView([48.6, 33.5], 5.5);
    map.createPane("basemap").style.zIndex = 200;
    Promise.all([
      fetch("/static/basemap/countries.geojson").then(function (r) { return r.json(); }),
      fetch("/static/basemap/ukraine-adm1.geojson").then(function (r) { return r.json(); })
    ]).then(function (layers) {
      L.geoJSON(layers[0], { pane: "basemap", interactive: false,
        style: { color: "#9aa3ad", weight: 1, fillColor: "#f7f6f2", fillOpacity: 1 } }).addTo(map);
      L.geoJSON(layers[1], { pane: "basemap", interactive: false,
        style: { color: "#b5bcc4", weight: 0.8, dashArray: "3 3", fillOpacity: 0 } }).addTo(map);
    }).catch(function () { setStatus("The basemap could not be loaded; events are still shown."); });
    state.eventLayer = L.layerGroup().addTo(map);
    buildLegend();
    loadEvents();
    loadTimeline();
  }

  function buildLegend() {
    var box = clear($("legend"));
    var sides = (state.overview ? state.overview.sides : []).slice(0, 8).map(function (f) { return f.value; });
    sides.forEach(function (s) { append(box, h("span", {}, [h("span", { className: "swatch", vars: { "--side": sideColour(s) } }), s])); });
    append(box, [
      h("span", {}, [h("span", { className: "swatch", vars: { "--side": MIXED } }), "several sides"]),
      h("span", {}, [h("span", { className: "swatch", vars: { "--side": UNATTRIBUTED } }), "no side"]),
      h("span", {}, [h("span", { className: "ring dashed", vars: { "--ring": STATUS_RING.contested } }), "contested"]),
      h("span", {}, [h("span", { className: "ring", vars: { "--ring": STATUS_RING.corroborated } }), "corroborated"]),
      h("span", {}, [h("span", { className: "ring", vars: { "--ring": STATUS_RING["single-source"] } }), "single-source"]),
      h("span", { text: "Size: independent sources" })
    ]);
  }

  /** Reports of the same type, place and day become one marker: that is one claimed event. */
  function groupEvents(events) {
    var groups = {};
    var order = [];
    var rank = { "contested": 3, "corroborated": 2, "single-source": 1 };
    events.forEach(function (e) {
      var key = [e.lat.toFixed(3), e.lon.toFixed(3), e.type, e.date || ""].join("|");
      var g = groups[key];
      if (!g) {
        g = groups[key] = { key: key, lat: e.lat, lon: e.lon, type: e.type, subType: e.sub_type, date: e.date,
          place: e.place_name, events: [], sides: {}, denying: {}, status: null, sources: 1, outlets: {} };
        order.push(g);
      }
      g.events.push(e);
      e.asserting_sides.forEach(function (s) { g.sides[s] = true; });
      e.denying_sides.forEach(function (s) { g.denying[s] = true; });
      if (e.status && (!g.status || rank[e.status] > rank[g.status])) g.status = e.status;
      g.outlets[e.article.outlet || e.article_id] = true;
      g.sources = Math.max(g.sources, e.sources, Object.keys(g.outlets).length);
    });
    return order;
  }

  function loadEvents() {
    var f = mapFilters();
    var params = { located: "true", limit: 1000, side: f.side, type: f.type, status: f.status,
                   since: state.since, until: state.until };
    return apiAll("/events", params, 5).then(function (events) {
      drawEvents(groupEvents(events));
      if (!state.fitted && events.length) {
        state.fitted = true;
        var bounds = L.latLngBounds(events.map(function (e) { return [e.lat, e.lon]; }));
        state.map.fitBounds(bounds.pad(0.3), { maxZoom: 6.5 });
      }
      var c = state.overview ? state.overview.counts : null;
      setStatus(events.length + " located event report(s) shown" + (c ? " · store: " + c.articles + " articles, " +
        c.claims + " claims, " + c.events + " events, " + c.storylines + " storylines" : "") + ".");
    }).catch(function (err) { setStatus("Events could not be loaded: " + err.message); });
  }

  function drawEvents(groups) {
    state.eventLayer.clearLayers();
    groups.forEach(function (g, i) {
      var sides = Object.keys(g.sides);
      var fill = sides.length === 1 ? sideColour(sides[0]) : sides.length > 1 ? MIXED : UNATTRIBUTED;
      var ring = STATUS_RING[g.status] || "#adb5bd";
      var marker = L.circleMarker([g.lat, g.lon], {
        radius: 6 + 4 * Math.sqrt(g.sources - 1),
        color: ring, weight: g.status ? 3 : 1.5, dashArray: g.status === "contested" ? "4 3" : null,
        fillColor: fill, fillOpacity: 0.8,
        className: "event-marker status-" + (g.status || "none")
      });
      marker.bindTooltip(h("div", { className: "event-tip" }, [
        h("div", { className: "t", text: g.subType || g.type }),
        h("div", { text: (g.place || "") + (g.date ? ", " + g.date : "") }),
        h("div", { text: g.events.length + " report(s), " + g.sources + " independent source(s)" })
      ]));
      marker.on("click", function () { showEventGroup(g); });
      marker.addTo(state.eventLayer);
      var path = marker.getElement && marker.getElement();
      if (path) { path.setAttribute("data-group", String(i)); path.setAttribute("data-sources", String(g.sources)); }
    });
  }

  function showEventGroup(g) {
    var panel = clear($("event-panel"));
    append(panel, [
      h("h2", { text: (g.subType || g.type) + (g.place ? " — " + g.place : "") }),
      h("div", { className: "meta" }, [
        g.date ? h("span", { className: "badge", text: g.date }) : null,
        statusBadge(g.status),
        h("span", { className: "badge", text: g.sources + " independent source(s)" }),
        h("span", { className: "badge", text: g.events.length + " report(s)" })
      ]),
      h("p", { className: "meta" }, [
        "Asserted by: ", Object.keys(g.sides).length ? Object.keys(g.sides).map(sideBadge) : "no side",
        Object.keys(g.denying).length ? [" · denied by: ", Object.keys(g.denying).map(sideBadge)] : null
      ])
    ]);
    var list = h("div", { id: "event-claims", "aria-busy": "true" });
    append(panel, list);
    return Promise.all(g.events.map(function (e) { return api("/events/" + e.id); })).then(function (details) {
      list.removeAttribute("aria-busy");
      var seen = {};
      details.forEach(function (d) {
        if (d.storylines && d.storylines.length) {
          d.storylines.forEach(function (sid) {
            if (seen["s:" + sid]) return;
            seen["s:" + sid] = true;
            append(list, h("p", { className: "meta" }, [
              h("a", { className: "storyline-link", href: "#/board?storyline=" + encodeURIComponent(sid), text: "Open its storyline on the board" })
            ]));
          });
        }
        d.claim_records.forEach(function (c) {
          if (seen[c.id]) return;
          seen[c.id] = true;
          append(list, claimCard(c));
        });
      });
      if (!list.querySelector(".claim-card")) append(list, h("p", { className: "hint", text: "No stored claims behind this event." }));
    }).catch(function (err) { append(list, h("p", { className: "hint", text: "Claims could not be loaded: " + err.message })); });
  }

  // ---- timeline -------------------------------------------------------------------------

  var SVG_NS = "http://www.w3.org/2000/svg";
  function s(tag, attrs) {
    var n = document.createElementNS(SVG_NS, tag);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    return n;
  }

  function dayNumber(iso) { return Math.round(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5); }
  function isoDay(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }

  function loadTimeline() {
    var f = mapFilters();
    return api("/timeline", { side: f.side, type: f.type, status: f.status }).then(drawTimeline)
      .catch(function (err) { setStatus("Timeline could not be loaded: " + err.message); });
  }

  function drawTimeline(days) {
    var box = clear($("timeline"));
    var W = Math.max(box.clientWidth || 800, 300), H = 130, pad = 24, top = 8;
    var svg = s("svg", { viewBox: "0 0 " + W + " " + H, preserveAspectRatio: "none", role: "img",
                         "aria-label": "Events and claims per day" });
    box.appendChild(svg);
    if (!days.length) {
      var t = s("text", { x: 10, y: 40, "class": "axis" });
      t.textContent = "No dated events or claims.";
      svg.appendChild(t);
      return;
    }
    var first = dayNumber(days[0].day) - 1, last = dayNumber(days[days.length - 1].day) + 1;
    var span = Math.max(last - first, 1);
    var max = 1;
    days.forEach(function (d) { max = Math.max(max, d.events, d.claims); });
    var x = function (n) { return pad + (n - first) * (W - 2 * pad) / span; };
    var y = function (v) { return H - pad - v * (H - pad - top) / max; };
    var bw = Math.max(1.5, Math.min(10, (W - 2 * pad) / span / 2.4));
    svg.appendChild(s("line", { x1: pad, x2: W - pad, y1: H - pad, y2: H - pad, "class": "baseline" }));
    days.forEach(function (d) {
      var cx = x(dayNumber(d.day));
      var c = s("rect", { x: cx - bw, y: y(d.claims), width: bw, height: H - pad - y(d.claims), "class": "bar-claims", "data-day": d.day });
      var e = s("rect", { x: cx, y: y(d.events), width: bw, height: H - pad - y(d.events), "class": "bar-events", "data-day": d.day });
      var tip = s("title", {});
      tip.textContent = d.day + ": " + d.events + " event(s), " + d.claims + " claim(s)";
      c.appendChild(tip);
      e.appendChild(tip.cloneNode(true));
      svg.appendChild(c);
      svg.appendChild(e);
    });
    var ticks = Math.min(6, span);
    for (var i = 0; i <= ticks; i++) {
      var n = Math.round(first + i * span / ticks);
      var label = s("text", { x: x(n), y: H - 8, "class": "axis", "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" });
      label.textContent = isoDay(n);
      svg.appendChild(label);
    }
    var legend = s("text", { x: W - pad, y: 14, "class": "axis", "text-anchor": "end" });
    legend.textContent = "light: claims · dark: events · max " + max + "/day";
    svg.appendChild(legend);
    attachBrush(svg, W, function (px) { return first + (px - pad) * span / (W - 2 * pad); }, x);
  }

  function attachBrush(svg, W, toDay, x) {
    var brush = s("rect", { "class": "brush", x: 0, y: 4, width: 0, height: 100, visibility: "hidden" });
    svg.appendChild(brush);
    if (state.since && state.until) {
      brush.setAttribute("x", x(dayNumber(state.since)) - 3);
      brush.setAttribute("width", x(dayNumber(state.until)) - x(dayNumber(state.since)) + 6);
      brush.setAttribute("visibility", "visible");
    }
    var start = null;
    function px(ev) {
      var r = svg.getBoundingClientRect();
      return (ev.clientX - r.left) * W / r.width;
    }
    svg.addEventListener("pointerdown", function (ev) {
      start = px(ev);
      svg.setPointerCapture(ev.pointerId);
      brush.setAttribute("x", start); brush.setAttribute("width", 0); brush.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointermove", function (ev) {
      if (start === null) return;
      var p = px(ev);
      brush.setAttribute("x", Math.min(start, p)); brush.setAttribute("width", Math.abs(p - start));
    });
    svg.addEventListener("pointerup", function (ev) {
      if (start === null) return;
      var p = px(ev);
      var a = Math.min(start, p), b = Math.max(start, p);
      start = null;
      if (b - a < 3) { setRange(null, null); return; }
      setRange(isoDay(Math.ceil(toDay(a))), isoDay(Math.floor(toDay(b))));
    });
  }

  function setRange(since, until) {
    state.since = since;
    state.until = until;
    $("range-label").textContent = since ? "Dates: " + since + " to " + until : "";
    $("range-clear").hidden = !since;
    if (!since) {
      var b = document.querySelector("#timeline .brush");
      if (b) b.setAttribute("visibility", "hidden");
    }
    loadEvents();
  }

  // ---- contested board ------------------------------------------------------------------

  function showBoard(params) {
    var only = params.get("storyline");
    var status = params.has("status") ? params.get("status") : $("b-status").value;
    $("b-status").value = status || "";
    var board = clear($("board"));
    $("board-more").hidden = true;
    if (only) {
      return api("/storylines/" + encodeURIComponent(only)).then(function (sl) {
        append(board, [storylineCard(sl), h("p", {}, [h("a", { href: "#/board", text: "All contested storylines" })])]);
        setStatus("Storyline " + sl.id + ".");
      });
    }
    state.boardCursor = null;
    return loadBoardPage();
  }

  function loadBoardPage() {
    var params = { status: $("b-status").value, side: $("b-side").value, limit: 20, cursor: state.boardCursor };
    return api("/storylines", params).then(function (page) {
      var board = $("board");
      page.items.forEach(function (sl) { append(board, storylineCard(sl)); });
      if (!board.firstChild) append(board, h("p", { className: "hint", text: "No storylines match." }));
      state.boardCursor = page.next;
      $("board-more").hidden = !page.next;
      setStatus(board.querySelectorAll(".storyline").length + " storyline(s) shown.");
    });
  }

  /** Columns per side: each column holds that side's member claims, oldest source first. */
  function storylineCard(sl) {
    var columns = {};
    var order = Object.keys(sl.sides || {});
    sl.members.forEach(function (m) {
      if (!m.claim) return;
      var side = m.claim.speaker.side || "";
      if (!columns[side]) { columns[side] = []; if (order.indexOf(side) < 0) order.push(side); }
      columns[side].push(m.claim);
    });
    var cols = order.filter(function (s) { return columns[s]; }).map(function (side) {
      var stance = sl.sides ? sl.sides[side] : null;
      return h("div", { className: "side-col", vars: { "--side": sideColour(side) }, "data-side": side }, [
        h("h3", {}, [side || "Independent / unattributed",
          stance ? h("span", { className: "stance", text: stance === "deny" ? " — denies" : " — asserts" }) : null]),
        columns[side].map(function (c) { return claimCard(c, { hideSide: true, hideStoryline: true }); })
      ]);
    });
    return h("article", { className: "storyline", "data-storyline": sl.id }, [
      h("h2", { text: sl.about }),
      h("div", { className: "meta" }, [
        statusBadge(sl.status),
        h("span", { className: "badge", text: sl.origins + " independent origin(s)" }),
        sl.unverified ? h("span", { className: "badge unverified", text: "reporters could not verify" }) : null,
        h("span", { className: "badge", text: sl.members.length + " claim(s)" })
      ]),
      h("div", { className: "sides" }, cols)
    ]);
  }

  // ---- article view ---------------------------------------------------------------------

  /**
   * Split the text at every annotation boundary and wrap each piece in the marks covering it.
   * Every character of the article appears exactly once, in order, so offsets stay exact.
   */
  function annotatedText(a, focusIdx) {
    var text = a.article.text;
    var cuts = {};
    cuts[0] = true; cuts[text.length] = true;
    function add(list) { list.forEach(function (x) { if (x.start < x.end && x.end <= text.length) { cuts[x.start] = true; cuts[x.end] = true; } }); }
    add(a.claims); add(a.places); add(a.dates); add(a.disclaimers);
    var points = Object.keys(cuts).map(Number).sort(function (p, q) { return p - q; });
    var labelled = {};
    var box = h("div", { className: "article-text", id: "article-text" });
    function covering(list, p, q) {
      var out = [];
      list.forEach(function (x, i) { if (x.start <= p && q <= x.end && x.start < x.end) out.push(i); });
      return out;
    }
    for (var k = 0; k < points.length - 1; k++) {
      var p = points[k], q = points[k + 1];
      var piece = text.slice(p, q);
      var node = document.createTextNode(piece);
      var pl = covering(a.places, p, q), dt = covering(a.dates, p, q), dc = covering(a.disclaimers, p, q);
      if (pl.length) {
        var pInfo = a.places[pl[0]];
        node = h("span", { className: "place", title: "Place: " + pInfo.name + [pInfo.admin1, pInfo.country].filter(Boolean).map(function (v) { return ", " + v; }).join(""),
                           "data-place": pl[0] }, node);
      }
      if (dt.length) {
        var dInfo = a.dates[dt[0]];
        node = h("span", { className: "date", title: "Date: " + (dInfo.value || "unresolved"), "data-date": dt[0] }, node);
      }
      if (dc.length) node = h("span", { className: "disclaimer", title: "The reporter could not verify this" }, node);
      var cl = covering(a.claims, p, q);
      if (cl.length) {
        var c = a.claims[cl[cl.length - 1]];
        cl.forEach(function (i) {
          if (labelled[i]) return;
          labelled[i] = true;
          var ci = a.claims[i];
          append(box, h("span", { className: "claim-label", vars: { "--side": sideColour(ci.speaker.side) }, "aria-hidden": "true",
                                 "data-label-for": i, text: (ci.speaker.name || "?") + " · " + (ci.speaker.side || "no side") }));
        });
        node = h("mark", { className: "claim" + (cl.indexOf(focusIdx) >= 0 ? " focus" : ""),
                           vars: { "--side": sideColour(c.speaker.side) }, "data-claim": cl.join(" "),
                           "data-start": p, "data-end": q, title: "Claim by " + (c.speaker.name || "?") }, node);
      }
      append(box, node);
    }
    return box;
  }

  function showArticle(id, params) {
    var focus = params.has("claim") ? Number(params.get("claim")) : null;
    var view = clear($("view-article"));
    setStatus("Loading article…");
    return api("/articles/" + encodeURIComponent(id)).then(function (a) {
      var art = a.article;
      var claimsList = h("ol", { id: "article-claims" }, a.claims.map(function (c, i) {
        return h("li", {}, [
          h("a", { href: articleLink(art.id, i), text: c.speaker.name || "?" }), " ", sideBadge(c.speaker.side),
          c.polarity === "deny" ? h("span", { className: "badge deny", text: "denial" }) : null,
          c.unverified ? h("span", { className: "badge unverified", text: "unverified",
                                 title: "The reporter says this could not be independently verified." }) : null,
          h("div", { className: "meta" }, [KIND_LABEL[c.kind] || c.kind, c.said_on ? ", " + c.said_on : "",
            c.hedges && c.hedges.length ? ", hedges: " + c.hedges.join(", ") : ""]),
          c.storyline ? h("div", { className: "meta" }, [statusBadge(c.storyline.status),
            h("a", { href: "#/board?storyline=" + encodeURIComponent(c.storyline.id), text: c.storyline.about })]) : null
        ]);
      }));
      append(view, h("div", { className: "article", "data-article": art.id }, [
        h("div", {}, [
          h("header", {}, [
            h("h1", { id: "article-title", text: art.title || "(untitled)" }),
            h("div", { className: "byline" }, [
              art.outlet || "unknown outlet", art.published ? " · " + art.published : "",
              art.url && SAFE_URL.test(art.url) ? [" · ", h("a", { href: art.url, rel: "noopener noreferrer", target: "_blank", text: "original ↗" })] : null
            ]),
            h("div", { className: "marks-legend" }, [
              h("mark", { className: "claim", vars: { "--side": UNATTRIBUTED }, text: "claim" }), " (coloured by side, labelled with speaker) ",
              h("span", { className: "place", text: "place" }), h("span", { className: "date", text: "date" })
            ])
          ]),
          annotatedText(a, focus)
        ]),
        h("aside", {}, [h("h2", { text: a.claims.length + " claim(s)" }), claimsList,
          a.events.length ? h("h2", { text: a.events.length + " event(s)" }) : null,
          h("ul", { className: "list" }, a.events.map(function (e) {
            return h("li", {}, [h("div", { text: e.sub_type || e.type }),
              h("div", { className: "meta", text: [e.date, e.place !== null && a.places[e.place] ? a.places[e.place].name : null].filter(Boolean).join(" · ") })]);
          }))])
      ]));
      setStatus("Article from " + (art.outlet || "unknown outlet") + ".");
      if (focus !== null) {
        var target = view.querySelector("mark.claim.focus");
        if (target) target.scrollIntoView({ block: "center" });
      } else {
        window.scrollTo(0, 0);
      }
    });
  }

  // ---- lists and search -----------------------------------------------------------------

  function articleItem(a) {
    return h("li", {}, [
      h("a", { href: articleLink(a.id), text: a.title || "(untitled)" }),
      h("div", { className: "meta", text: [a.outlet, a.published, a.n_claims + " claim(s)", a.n_events + " event(s)"].filter(Boolean).join(" · ") })
    ]);
  }

  function showArticles() {
    var view = clear($("view-articles"));
    return apiAll("/articles", { limit: 200 }, 5).then(function (items) {
      append(view, [h("h2", { text: items.length + " article(s)" }), h("ul", { className: "list" }, items.map(articleItem))]);
      setStatus(items.length + " article(s).");
    });
  }

  // Enter in the box and the hash change it causes can both route here; only the newest
  // search may render, or two answers would be appended one after the other.
  var searchSeq = 0;

  function showSearch(q) {
    $("search-input").value = q;
    var seq = ++searchSeq;
    var view = clear($("view-search"));
    if (!q.trim()) { append(view, h("p", { className: "hint", text: "Type words to search for." })); return Promise.resolve(); }
    return Promise.all([api("/search", { q: q, "in": "claims", limit: 50 }), api("/search", { q: q, "in": "articles", limit: 50 })])
      .then(function (res) {
        if (seq !== searchSeq) return;
        clear(view);
        append(view, h("div", { className: "results" }, [
          h("h2", { text: "Claims matching “" + q + "” (" + res[0].items.length + (res[0].next ? "+" : "") + ")" }),
          h("div", { id: "search-claims" }, res[0].items.map(function (c) { return claimCard(c); })),
          h("h2", { text: "Articles matching “" + q + "” (" + res[1].items.length + (res[1].next ? "+" : "") + ")" }),
          h("ul", { className: "list", id: "search-articles" }, res[1].items.map(articleItem))
        ]));
        setStatus("Search results for “" + q + "”.");
      });
  }

  // ---- start ----------------------------------------------------------------------------

  function fillSelect(sel, facets) {
    facets.forEach(function (f) { append(sel, h("option", { value: f.value, text: f.value + " (" + f.count + ")" })); });
  }

  function start() {
    $("search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      location.hash = "#/search?q=" + encodeURIComponent($("search-input").value);
    });
    ["f-side", "f-type", "f-status"].forEach(function (id) {
      $(id).addEventListener("change", function () { loadEvents(); loadTimeline(); });
    });
    $("range-clear").addEventListener("click", function () { setRange(null, null); });
    $("b-status").addEventListener("change", function () { location.hash = "#/board?status=" + encodeURIComponent($("b-status").value); });
    $("b-side").addEventListener("change", function () { clear($("board")); state.boardCursor = null; loadBoardPage(); });
    $("board-more").addEventListener("click", function () { loadBoardPage(); });
    window.addEventListener("hashchange", onRoute);
    window.addEventListener("resize", function () { if (!$("view-map").hidden) loadTimeline(); });
    api("/overview").then(function (ov) {
      state.overview = ov;
      fillSelect($("f-side"), ov.sides);
      fillSelect($("b-side"), ov.sides);
      fillSelect($("f-type"), ov.event_types);
    }).catch(function (err) { setStatus("The store could not be read: " + err.message); })
      .then(onRoute);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
